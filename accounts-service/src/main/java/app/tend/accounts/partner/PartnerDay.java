package app.tend.accounts.partner;

import app.tend.accounts.platform.identity.PersonDetails;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * How a partner's day goes: their time zone, when Tend may remind them, and their quiet hours.
 * Chosen when joining and changed in their settings, under the same rules.
 *
 * @param timeZone IANA zone that decides what "today" is for them
 * @param reminderTime local time of the daily reminder
 * @param quietHoursStart from when nothing may disturb them
 * @param quietHoursEnd until when nothing may disturb them (may be after midnight)
 */
public record PartnerDay(String timeZone, LocalTime reminderTime, LocalTime quietHoursStart, LocalTime quietHoursEnd) {

  /** Problems with these choices, each written for the person making them. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    PersonDetails.requireZone(timeZone, "your", problems);
    requireTime(reminderTime, "reminder time", problems);
    requireTime(quietHoursStart, "start of quiet hours", problems);
    requireTime(quietHoursEnd, "end of quiet hours", problems);
    if (quietHoursStart != null && quietHoursStart.equals(quietHoursEnd)) {
      problems.add("quiet hours must start and end at different times");
    } else if (reminderTime != null && quietHoursStart != null && quietHoursEnd != null && isQuiet(reminderTime)) {
      problems.add("your reminder time falls in your quiet hours; please choose a time outside them");
    }
    return problems;
  }

  /** Whether {@code time} is inside the quiet hours, which may run past midnight (22:00 to 07:00). */
  public boolean isQuiet(LocalTime time) {
    return quietHoursStart.isBefore(quietHoursEnd)
        ? !time.isBefore(quietHoursStart) && time.isBefore(quietHoursEnd)
        : !time.isBefore(quietHoursStart) || time.isBefore(quietHoursEnd);
  }

  private static void requireTime(LocalTime time, String what, List<String> problems) {
    if (time == null) {
      problems.add("your " + what + " is missing");
    }
  }
}
