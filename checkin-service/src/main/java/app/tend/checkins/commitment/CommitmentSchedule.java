package app.tend.checkins.commitment;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a commitment falls due, in its author's local time: once on a date, or every day, every
 * weekday (Monday to Friday) or once a week, each time by {@code time}.
 *
 * @param kind once or how it repeats
 * @param date the day of a one-off commitment; null when it repeats
 * @param time the local time it is due by
 * @param dayOfWeek the day of a weekly commitment; null otherwise
 */
public record CommitmentSchedule(Kind kind, LocalDate date, LocalTime time, DayOfWeek dayOfWeek) {

  public enum Kind { ONCE, DAILY, WEEKDAYS, WEEKLY }

  /** What is wrong with a schedule a partner sent, in their words; empty when nothing is. */
  static List<String> problems(CommitmentSchedule schedule, LocalDate today) {
    var problems = new ArrayList<String>();
    if (schedule == null || schedule.kind() == null) {
      problems.add("please say when it is due: once, every day, on weekdays or weekly");
      return problems;
    }
    if (schedule.time() == null) {
      problems.add("please give the time it is due by");
    }
    if (schedule.kind() == Kind.ONCE && schedule.date() == null) {
      problems.add("please give the day it is due");
    }
    if (schedule.kind() == Kind.ONCE && schedule.date() != null && schedule.date().isBefore(today)) {
      problems.add("the day it is due has already passed");
    }
    if (schedule.kind() == Kind.ONCE && schedule.date() != null && schedule.date().isAfter(today.plusYears(1))) {
      problems.add("a commitment can be due at most a year ahead");
    }
    if (schedule.kind() != Kind.ONCE && schedule.date() != null) {
      problems.add("a repeating commitment has no single day");
    }
    if (schedule.kind() == Kind.WEEKLY && schedule.dayOfWeek() == null) {
      problems.add("please give the day of the week");
    }
    if (schedule.kind() != Kind.WEEKLY && schedule.dayOfWeek() != null) {
      problems.add("only a weekly commitment has a day of the week");
    }
    return problems;
  }

  /** Whether an occurrence falls on {@code day}, for a commitment that started on {@code startsOn}. */
  public boolean isDueOn(LocalDate day, LocalDate startsOn) {
    if (day.isBefore(startsOn)) {
      return false;
    }
    return switch (kind) {
      case ONCE -> day.equals(date);
      case DAILY -> true;
      case WEEKDAYS -> day.getDayOfWeek().getValue() <= 5;
      case WEEKLY -> day.getDayOfWeek() == dayOfWeek;
    };
  }

  /** The first day on or after {@code day} that an occurrence falls on; empty when none will. */
  public Optional<LocalDate> firstDueOnOrAfter(LocalDate day, LocalDate startsOn) {
    LocalDate from = day.isBefore(startsOn) ? startsOn : day;
    if (kind == Kind.ONCE) {
      return from.isAfter(date) ? Optional.empty() : Optional.of(date);
    }
    // Within any seven days every repeating kind falls due at least once.
    for (int i = 0; i < 7; i++) {
      if (isDueOn(from.plusDays(i), startsOn)) {
        return Optional.of(from.plusDays(i));
      }
    }
    throw new IllegalStateException("a repeating schedule without a day in a week: " + this);
  }

  /**
   * The next moment strictly after {@code after} at which an occurrence falls due, in {@code zone}.
   * A time that a daylight-saving change skips moves forward by the gap, as clocks do.
   */
  public Optional<Instant> nextDueAfter(Instant after, ZoneId zone, LocalDate startsOn) {
    LocalDate day = after.atZone(zone).toLocalDate();
    while (true) {
      Optional<LocalDate> due = firstDueOnOrAfter(day, startsOn);
      if (due.isEmpty()) {
        return Optional.empty();
      }
      Instant at = due.get().atTime(time).atZone(zone).toInstant();
      if (at.isAfter(after)) {
        return Optional.of(at);
      }
      day = due.get().plusDays(1);
    }
  }
}
