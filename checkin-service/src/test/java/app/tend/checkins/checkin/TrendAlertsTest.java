package app.tend.checkins.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import app.tend.contracts.checkin.TrustRatings;
import java.time.LocalDate;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class TrendAlertsTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

  private static DailyRatings day(int back, int rating) {
    return new DailyRatings(TODAY.minusDays(back), new TrustRatings(rating, rating, rating, rating, Math.max(1, rating)));
  }

  private static TrendsView.MeasureTrend followThrough(java.util.List<DailyRatings> checkins) {
    return CheckinTrends.of(TODAY, checkins, checkins.size()).measures().getFirst();
  }

  @Test
  void aWeekClearlyBelowTheMonthIsAFallAndAFewDaysAreNot() {
    var checkins = new ArrayList<DailyRatings>();
    for (int back = 27; back >= 7; back--) {
      checkins.add(day(back, 4));
    }
    for (int back = 6; back >= 0; back--) {
      checkins.add(day(back, 1));
    }
    // Month: (21 × 4 + 7 × 1) / 28 = 3.25; week: 1.0; the fall is 2.25.
    assertThat(TrendAlerts.fell(followThrough(checkins), 2.0)).isTrue();
    assertThat(TrendAlerts.fell(followThrough(checkins), 2.5)).isFalse();

    // Two low days are not yet a week to speak of.
    var sparse = new ArrayList<>(checkins.subList(0, 21));
    sparse.add(day(1, 0));
    sparse.add(day(0, 0));
    assertThat(TrendAlerts.fell(followThrough(sparse), 1.0)).isFalse();
    // Nor is a fall in the first days, without a month behind it: month 24 / 9 = 2.67, week 16 / 7 = 2.29.
    var early = new ArrayList<DailyRatings>();
    for (int back = 8; back >= 3; back--) {
      early.add(day(back, 4));
    }
    for (int back = 2; back >= 0; back--) {
      early.add(day(back, 0));
    }
    assertThat(followThrough(early).average28() - followThrough(early).average7()).isGreaterThan(0.3);
    assertThat(TrendAlerts.fell(followThrough(early), 0.3)).isFalse();
  }

  @Test
  void daysWithoutACheckinCountWholeDaysBetweenNotToday() {
    assertThat(MissedCheckins.daysWithout(TODAY.minusDays(1), TODAY)).isZero();
    assertThat(MissedCheckins.daysWithout(TODAY.minusDays(5), TODAY)).isEqualTo(4);
    assertThat(MissedCheckins.daysWithout(TODAY, TODAY)).isZero();
  }
}
