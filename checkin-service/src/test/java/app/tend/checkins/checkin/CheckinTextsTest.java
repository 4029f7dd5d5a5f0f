package app.tend.checkins.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.tend.platform.web.InvalidRequestException;
import org.junit.jupiter.api.Test;

class CheckinTextsTest {

  @Test
  void blankWordsAreNoWordsAndOthersAreTrimmed() {
    assertThat(CheckinTexts.of("   ", null)).isEqualTo(new CheckinTexts(null, null));
    assertThat(CheckinTexts.of("  Thank you for the tea.\n", " A hard day. ")).isEqualTo(new CheckinTexts("Thank you for the tea.", "A hard day."));
  }

  @Test
  void lengthIsCountedInCharactersAsAPersonCountsThem() {
    String hearts = "\uD83D\uDC9A".repeat(CheckinTexts.APPRECIATION_MAX); // 500 emoji, 1,000 UTF-16 units
    assertThat(CheckinTexts.of(hearts, null).appreciation()).isEqualTo(hearts);
    assertThatThrownBy(() -> CheckinTexts.of(hearts + "!", null))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("appreciation can be at most 500 characters");
    assertThatThrownBy(() -> CheckinTexts.of(null, "x".repeat(2001)))
        .hasMessageContaining("privateReflection can be at most 2000 characters");
  }

  @Test
  void lineBreaksAreWritingButOtherControlCharactersAreRefused() {
    assertThat(CheckinTexts.of("one\ntwo\tthree", null).appreciation()).isEqualTo("one\ntwo\tthree");
    assertThatThrownBy(() -> CheckinTexts.of("bell\u0007", null)).hasMessageContaining("not text");
    assertThatThrownBy(() -> CheckinTexts.of(null, "nul\u0000")).hasMessageContaining("privateReflection contains");
  }
}
