package app.tend.accounts.partner;

import app.tend.accounts.identity.PersonDetails;
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
    problems.addAll(timeProblems(reminderTime, quietHoursStart, quietHoursEnd, "your"));
    return problems;
  }

  /**
   * Problems with a reminder time and quiet hours, {@code whose} naming them ("your", "the
   * default"): all present, quiet hours of some length, and the reminder outside them.
   */
  public static List<String> timeProblems(LocalTime reminderTime, LocalTime quietHoursStart, LocalTime quietHoursEnd, String whose) {
    List<String> problems = new ArrayList<>();
    requireTime(reminderTime, whose + " reminder time", problems);
    requireTime(quietHoursStart, whose + " start of quiet hours", problems);
    requireTime(quietHoursEnd, whose + " end of quiet hours", problems);
    if (quietHoursStart != null && quietHoursStart.equals(quietHoursEnd)) {
      problems.add(whose + " quiet hours must start and end at different times");
    } else if (reminderTime != null && quietHoursStart != null && quietHoursEnd != null
        && isQuiet(reminderTime, quietHoursStart, quietHoursEnd)) {
      problems.add(whose + " reminder time falls in " + whose + " quiet hours; please choose a time outside them");
    }
    return problems;
  }

  /** Whether {@code time} is inside the quiet hours, which may run past midnight (22:00 to 07:00). */
  static boolean isQuiet(LocalTime time, LocalTime start, LocalTime end) {
    return start.isBefore(end) ? !time.isBefore(start) && time.isBefore(end) : !time.isBefore(start) || time.isBefore(end);
  }

  private static void requireTime(LocalTime time, String what, List<String> problems) {
    if (time == null) {
      problems.add(what + " is missing");
    }
  }
}
