package app.tend.checkins.checkin;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A partner's "today" is the calendar day where they are, not where the server is: a check-in at
 * 00:30 in Auckland belongs to the new day there even while it is still yesterday in UTC.
 */
public final class LocalDay {

  private LocalDay() {}

  public static LocalDate today(Clock clock, ZoneId zone) {
    return LocalDate.ofInstant(clock.instant(), zone);
  }
}
