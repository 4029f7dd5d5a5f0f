package app.tend.checkins.checkin;

import app.tend.checkins.checkin.TrendsView.DailyValue;
import app.tend.checkins.checkin.TrendsView.Direction;
import app.tend.checkins.checkin.TrendsView.MeasureTrend;
import app.tend.contracts.checkin.TrustRatings;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/** Turns a partner's daily ratings into their trends. Pure: no clock, no database. */
public final class CheckinTrends {

  /** The window the page shows. */
  public static final int DAYS = 28;
  /** A change of the weekly mean smaller than this is "about the same". */
  static final double MEANINGFUL_CHANGE = 0.3;
  /** Each week needs this many check-ins before two weeks are compared. */
  static final int DAYS_TO_COMPARE = 3;

  private CheckinTrends() {}

  /**
   * @param today the partner's local today
   * @param ratings their ratings on the days of the last {@link #DAYS} that they checked in (other days are ignored)
   * @param daysPractised how many days they ever checked in
   */
  public static TrendsView of(LocalDate today, List<DailyRatings> ratings, long daysPractised) {
    LocalDate first = today.minusDays(DAYS - 1L);
    Map<LocalDate, TrustRatings> byDay = ratings.stream()
        .filter(c -> !c.day().isBefore(first) && !c.day().isAfter(today))
        .collect(Collectors.toMap(DailyRatings::day, DailyRatings::ratings, (a, b) -> b));
    int last14 = (int) byDay.keySet().stream().filter(day -> day.isAfter(today.minusDays(14))).count();
    var measures = Arrays.stream(TrustMeasure.values()).map(measure -> trend(measure, today, byDay)).toList();
    return new TrendsView(today, last14, daysPractised, measures);
  }

  private static MeasureTrend trend(TrustMeasure measure, LocalDate today, Map<LocalDate, TrustRatings> byDay) {
    List<DailyValue> days = new ArrayList<>(DAYS);
    for (int back = DAYS - 1; back >= 0; back--) {
      LocalDate day = today.minusDays(back);
      TrustRatings ratings = byDay.get(day);
      days.add(new DailyValue(day, ratings == null ? null : measure.of(ratings)));
    }
    List<Integer> lastWeek = values(days.subList(DAYS - 7, DAYS));
    List<Integer> weekBefore = values(days.subList(DAYS - 14, DAYS - 7));
    return new MeasureTrend(measure, mean(lastWeek), mean(values(days)), direction(lastWeek, weekBefore), days);
  }

  private static Direction direction(List<Integer> lastWeek, List<Integer> weekBefore) {
    if (lastWeek.size() < DAYS_TO_COMPARE || weekBefore.size() < DAYS_TO_COMPARE) {
      return Direction.NOT_ENOUGH_DAYS;
    }
    double change = mean(lastWeek) - mean(weekBefore);
    if (change >= MEANINGFUL_CHANGE) {
      return Direction.RISING;
    }
    return change <= -MEANINGFUL_CHANGE ? Direction.FALLING : Direction.STEADY;
  }

  private static List<Integer> values(List<DailyValue> days) {
    return days.stream().map(DailyValue::value).filter(v -> v != null).toList();
  }

  private static Double mean(List<Integer> values) {
    OptionalDouble mean = values.stream().mapToInt(Integer::intValue).average();
    return mean.isPresent() ? Math.round(mean.getAsDouble() * 100) / 100.0 : null;
  }
}
