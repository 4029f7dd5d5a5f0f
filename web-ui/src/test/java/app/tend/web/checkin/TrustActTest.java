package app.tend.web.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrustActTest {

  @Test
  void theFourActsUseTheWordsOurUsersKnow() {
    assertThat(TrustAct.values()).extracting(TrustAct::wording).containsExactly(
        "I did what I said I would do.",
        "I listened with empathy, even when it was hard.",
        "I was honest, even about small things.",
        "I showed my partner that their needs and feelings matter.");
  }

  @Test
  void everyAnswerHasWordsAndNothingOutsideTheScaleDoes() {
    for (int value = 0; value <= 4; value++) {
      assertThat(TrustAct.answer(value)).isNotBlank();
    }
    for (int value = 1; value <= 5; value++) {
      assertThat(TrustAct.connected(value)).isNotBlank();
    }
    assertThatThrownBy(() -> TrustAct.answer(5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TrustAct.connected(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
