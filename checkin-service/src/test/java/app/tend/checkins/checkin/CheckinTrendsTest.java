package app.tend.checkins.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import app.tend.checkins.checkin.TrendsView.Direction;
import app.tend.contracts.checkin.TrustRatings;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckinTrendsTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

  private static DailyRatings on(int daysAgo, int act, int connected) {
    return new DailyRatings(TODAY.minusDays(daysAgo), new TrustRatings(act, act, act, act, connected));
  }

  private static TrendsView.MeasureTrend trend(TrendsView view, TrustMeasure measure) {
    return view.measures().stream().filter(t -> t.measure() == measure).findFirst().orElseThrow();
  }

  @Test
  void averagesCoverTheLastSevenAndTwentyEightDaysOfCheckinsOnly() {
    List<DailyRatings> checkins = new ArrayList<>();
    for (int back = 0; back < 7; back++) {
      checkins.add(on(back, 4, 5));
    }
    for (int back = 7; back < 28; back++) {
      checkins.add(on(back, 1, 2));
    }
    checkins.add(on(28, 0, 1)); // 29 days ago: outside the window

    var view = CheckinTrends.of(TODAY, checkins, 100);

    var honesty = trend(view, TrustMeasure.HONESTY);
    assertThat(honesty.average7()).isEqualTo(4.0);
    assertThat(honesty.average28()).isEqualTo(1.75); // (7×4 + 21×1) / 28
    assertThat(honesty.days()).hasSize(28);
    assertThat(honesty.days().getFirst().day()).isEqualTo(TODAY.minusDays(27));
    assertThat(honesty.days().getLast().day()).isEqualTo(TODAY);
    assertThat(trend(view, TrustMeasure.CONNECTED).average7()).isEqualTo(5.0);
  }

  @Test
  void theLastWeekIsComparedWithTheOneBeforeGently() {
    List<DailyRatings> rising = new ArrayList<>();
    List<DailyRatings> falling = new ArrayList<>();
    for (int back = 0; back < 14; back++) {
      rising.add(on(back, back < 7 ? 3 : 2, 3));
      falling.add(on(back, back < 7 ? 1 : 3, 3));
    }
    assertThat(trend(CheckinTrends.of(TODAY, rising, 14), TrustMeasure.MATTERING).direction()).isEqualTo(Direction.RISING);
    assertThat(trend(CheckinTrends.of(TODAY, falling, 14), TrustMeasure.MATTERING).direction()).isEqualTo(Direction.FALLING);
    assertThat(trend(CheckinTrends.of(TODAY, falling, 14), TrustMeasure.CONNECTED).direction()).isEqualTo(Direction.STEADY);
  }

  @Test
  void aWeekWithFewerThanThreeCheckinsIsNotComparedAtAll() {
    var view = CheckinTrends.of(TODAY, List.of(on(0, 4, 5), on(1, 4, 5), on(8, 0, 1), on(9, 0, 1), on(10, 0, 1)), 5);
    assertThat(trend(view, TrustMeasure.FOLLOW_THROUGH).direction()).isEqualTo(Direction.NOT_ENOUGH_DAYS);
  }

  @Test
  void missedDaysAreGapsNotZerosAndNothingResets() {
    var view = CheckinTrends.of(TODAY, List.of(on(0, 2, 3), on(13, 4, 4), on(20, 4, 4)), 57);
    assertThat(view.daysCheckedInLast14()).isEqualTo(2);
    assertThat(view.daysPractised()).isEqualTo(57);
    var followThrough = trend(view, TrustMeasure.FOLLOW_THROUGH);
    assertThat(followThrough.days().stream().filter(d -> d.value() == null)).hasSize(25);
    assertThat(followThrough.average28()).isEqualTo(3.33);
  }

  @Test
  void aFirstDayHasNoAveragesYetRatherThanZeros() {
    var view = CheckinTrends.of(TODAY, List.of(), 0);
    assertThat(view.measures()).allSatisfy(t -> {
      assertThat(t.average7()).isNull();
      assertThat(t.average28()).isNull();
      assertThat(t.direction()).isEqualTo(Direction.NOT_ENOUGH_DAYS);
    });
    assertThat(view.daysCheckedInLast14()).isZero();
  }
}
