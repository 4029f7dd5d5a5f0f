package app.tend.notifications.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * When a partner is reminded, worked out without a clock or a database. A partner who already
 * checked in that local day is not reminded; after {@value #IGNORED_BEFORE_BACKING_OFF} reminders
 * in a row without a check-in, Tend steps back to one gentle note a week until they check in again
 * (reminder fatigue is the main reason people leave apps like this).
 */
public final class ReminderPlan {

  static final int IGNORED_BEFORE_BACKING_OFF = 3;
  /** A reminder this late is not sent: it would come at a time the person did not choose. */
  static final Duration TOO_LATE = Duration.ofHours(2);
  private static final Duration WEEK = Duration.ofDays(7);

  private ReminderPlan() {}

  /** What to do with a reminder that fell due, and when the next one falls due. */
  public record Outcome(Kind kind, int unanswered, Instant nextDue) {}

  public enum Kind {
    /** "Time for today's check-in". */
    DAILY,
    /** The weekly note once daily reminders went unanswered. */
    GENTLE,
    /** Nothing is sent: they checked in that day, or it is too late to be welcome. */
    NONE
  }

  /**
   * The first daily reminder after {@code now} that falls on a local day other than
   * {@code lastCheckinOn}.
   */
  public static Instant nextDaily(PartnerDay day, Instant now, LocalDate lastCheckinOn) {
    // From yesterday: yesterday's reminder may have been moved past midnight by quiet hours.
    for (LocalDate candidate = day.dayOf(now).minusDays(1); ; candidate = candidate.plusDays(1)) {
      Instant at = day.reminderFor(candidate);
      if (at.isAfter(now) && !day.dayOf(at).equals(lastCheckinOn)) {
        return at;
      }
    }
  }

  /**
   * When the next reminder is due for a partner whose day or reminder time just changed, or who
   * just joined: daily, or a week after the last note while they are backed off.
   */
  public static Instant next(PartnerDay day, Instant now, LocalDate lastCheckinOn, int unanswered, Instant lastSentAt) {
    if (unanswered >= IGNORED_BEFORE_BACKING_OFF && lastSentAt != null) {
      return weekAfter(day, lastSentAt, now, lastCheckinOn);
    }
    return nextDaily(day, now, lastCheckinOn);
  }

  /**
   * What happens when a reminder falls due at {@code dueAt} and is handled at {@code now}.
   *
   * @param unanswered reminders sent since their last check-in
   * @param lastSentAt when the last reminder went out, or null
   */
  public static Outcome atDue(PartnerDay day, Instant dueAt, Instant now, LocalDate lastCheckinOn, int unanswered, Instant lastSentAt) {
    Instant from = now.isAfter(dueAt) ? now : dueAt;
    boolean checkedInThatDay = day.dayOf(dueAt).equals(lastCheckinOn);
    boolean unwelcome = now.isAfter(dueAt.plus(TOO_LATE)) || day.isQuiet(now.atZone(day.zone()).toLocalTime());
    if (checkedInThatDay || unwelcome) {
      return new Outcome(Kind.NONE, unanswered, next(day, from, lastCheckinOn, unanswered, lastSentAt));
    }
    int nowUnanswered = unanswered + 1;
    Kind kind = unanswered >= IGNORED_BEFORE_BACKING_OFF ? Kind.GENTLE : Kind.DAILY;
    Instant nextDue = nowUnanswered >= IGNORED_BEFORE_BACKING_OFF
        ? weekAfter(day, dueAt, from, lastCheckinOn)
        : nextDaily(day, from, lastCheckinOn);
    return new Outcome(kind, nowUnanswered, nextDue);
  }

  /**
   * The reminder slot a week after {@code sentAt} (never before {@code now}). Searching from six
   * and a half days on finds the slot of the same weekday whatever daylight saving did meanwhile,
   * and a note moved to the morning by quiet hours does not drift a day later each week.
   */
  private static Instant weekAfter(PartnerDay day, Instant sentAt, Instant now, LocalDate lastCheckinOn) {
    Instant searchFrom = sentAt.plus(WEEK).minus(Duration.ofHours(12));
    return nextDaily(day, searchFrom.isAfter(now) ? searchFrom : now, lastCheckinOn);
  }
}
