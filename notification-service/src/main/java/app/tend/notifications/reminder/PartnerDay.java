package app.tend.notifications.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * How one partner's day goes, as they chose it: where "today" is, when they want their reminder,
 * and the hours in which nothing may disturb them. Works out when a reminder for a day is sent.
 *
 * @param zone their time zone
 * @param reminderTime local time of the daily reminder
 * @param quietStart local time from which nothing may disturb them (null: no quiet hours)
 * @param quietEnd local time until which nothing may disturb them; before {@code quietStart} when
 *     the quiet hours run past midnight
 */
public record PartnerDay(ZoneId zone, LocalTime reminderTime, LocalTime quietStart, LocalTime quietEnd) {

  /**
   * When the reminder meant for {@code day} goes out: its local time on that day, or, when that
   * falls inside quiet hours, the moment they end (the next morning for quiet hours that run past
   * midnight). A time that daylight saving skips moves forward by the gap; a time that occurs
   * twice is used once, at its first occurrence.
   */
  public Instant reminderFor(LocalDate day) {
    LocalTime time = reminderTime;
    LocalDate date = day;
    if (isQuiet(time)) {
      boolean pastMidnight = quietStart.isAfter(quietEnd);
      if (pastMidnight && !time.isBefore(quietStart)) {
        date = date.plusDays(1);
      }
      time = quietEnd;
    }
    return ZonedDateTime.of(date, time, zone).toInstant();
  }

  /** The local date of {@code instant} for this partner. */
  public LocalDate dayOf(Instant instant) {
    return instant.atZone(zone).toLocalDate();
  }

  /** Whether {@code time} lies in the quiet hours, which include their start and exclude their end. */
  boolean isQuiet(LocalTime time) {
    if (quietStart == null || quietEnd == null || quietStart.equals(quietEnd)) {
      return false;
    }
    if (quietStart.isBefore(quietEnd)) {
      return !time.isBefore(quietStart) && time.isBefore(quietEnd);
    }
    return !time.isBefore(quietStart) || time.isBefore(quietEnd);
  }
}
