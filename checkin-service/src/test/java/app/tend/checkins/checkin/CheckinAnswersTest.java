package app.tend.checkins.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckinAnswersTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4})
  void everyTrustActTakesZeroToFour(int rating) {
    var answers = new CheckinAnswers(rating, rating, rating, rating, 3);
    assertThat(answers.ratings().followThrough()).isEqualTo(rating);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 5, 100, Integer.MIN_VALUE})
  void aTrustActOutsideZeroToFourIsRefusedByName(int rating) {
    assertThatThrownBy(() -> new CheckinAnswers(2, 2, rating, 2, 3))
        .isInstanceOf(CheckinAnswers.InvalidAnswersException.class)
        .hasMessageContaining("honesty must be a whole number from 0 to 4")
        .hasMessageNotContaining("followThrough");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 6, -3})
  void connectedIsOneToFive(int connected) {
    assertThatThrownBy(() -> new CheckinAnswers(2, 2, 2, 2, connected))
        .hasMessageContaining("connected must be a whole number from 1 to 5");
    assertThat(new CheckinAnswers(0, 0, 0, 0, 1).connected()).isEqualTo(1);
    assertThat(new CheckinAnswers(4, 4, 4, 4, 5).connected()).isEqualTo(5);
  }

  @Test
  void everyMissingAnswerIsNamedAtOnce() {
    assertThatThrownBy(() -> CheckinAnswers.of(null, 2, null, 2, null))
        .isInstanceOfSatisfying(CheckinAnswers.InvalidAnswersException.class, e ->
            assertThat(e.problems()).containsExactly("followThrough is missing", "honesty is missing", "connected is missing"));
  }

  @Test
  void everyProblemIsNamedAtOnceSoThePersonFixesThemInOneGo() {
    assertThatThrownBy(() -> new CheckinAnswers(9, -1, 2, 2, 0))
        .isInstanceOfSatisfying(CheckinAnswers.InvalidAnswersException.class, e -> assertThat(e.problems()).hasSize(3));
  }
}
