package app.tend.checkins.checkin;

import java.time.LocalDate;
import java.util.List;

/**
 * A partner's own practice over the last four weeks. There is deliberately no streak: a missed
 * day takes nothing away; days practised only ever grow.
 *
 * @param today the partner's local today
 * @param daysCheckedInLast14 on how many of the last 14 days (today included) they checked in
 * @param daysPractised every day they ever checked in; never resets
 * @param measures one trend per trust act and for "connected"
 */
public record TrendsView(LocalDate today, int daysCheckedInLast14, long daysPractised, List<MeasureTrend> measures) {

  /**
   * @param measure what is measured
   * @param average7 mean of the last 7 days' check-ins, or null without any
   * @param average28 mean of the last 28 days' check-ins, or null without any
   * @param direction the last 7 days against the 7 before them
   * @param days the last 28 days, oldest first, each with its value or null when not checked in
   */
  public record MeasureTrend(TrustMeasure measure, Double average7, Double average28, Direction direction, List<DailyValue> days) {}

  /**
   * @param day a local day
   * @param value that day's answer, or null when the partner did not check in
   */
  public record DailyValue(LocalDate day, Integer value) {}

  /** How the last week compares with the week before; never a grade of the person. */
  public enum Direction {
    /** Clearly higher than the week before. */
    RISING,
    /** About the same as the week before. */
    STEADY,
    /** Clearly lower than the week before: a harder week. */
    FALLING,
    /** Too few check-ins in one of the two weeks to compare them fairly. */
    NOT_ENOUGH_DAYS
  }
}
