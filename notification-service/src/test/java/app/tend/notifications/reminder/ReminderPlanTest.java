package app.tend.notifications.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import app.tend.notifications.reminder.ReminderPlan.Kind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReminderPlanTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  static PartnerDay day(String zone, String reminder, String quietStart, String quietEnd) {
    return new PartnerDay(ZoneId.of(zone), LocalTime.parse(reminder),
        quietStart == null ? null : LocalTime.parse(quietStart), quietEnd == null ? null : LocalTime.parse(quietEnd));
  }

  static Instant local(String dateTime, ZoneId zone) {
    return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
  }

  static Instant utc(String dateTime) {
    return LocalDateTime.parse(dateTime).toInstant(ZoneOffset.UTC);
  }

  // the daily reminder

  final PartnerDay evening = day("Europe/Berlin", "20:00", "22:00", "07:00");

  @Test
  void fallsAtTheirLocalTimeToday() {
    assertThat(ReminderPlan.nextDaily(evening, local("2026-03-10T10:00", BERLIN), null))
        .isEqualTo(local("2026-03-10T20:00", BERLIN));
  }

  @Test
  void isTomorrowOnceTodaysTimeHasPassed() {
    assertThat(ReminderPlan.nextDaily(evening, local("2026-03-10T20:00", BERLIN), null))
        .isEqualTo(local("2026-03-11T20:00", BERLIN));
  }

  @Test
  void skipsADayOnWhichTheyAlreadyCheckedIn() {
    assertThat(ReminderPlan.nextDaily(evening, local("2026-03-10T09:00", BERLIN), LocalDate.parse("2026-03-10")))
        .isEqualTo(local("2026-03-11T20:00", BERLIN));
  }

  @Test
  void followsTheirZoneNotTheServers() {
    var auckland = day("Pacific/Auckland", "08:00", "22:00", "07:00");
    // 19:30 UTC on the 10th is already 08:30 on the 11th in Auckland (UTC+13): the next is on the 12th.
    assertThat(ReminderPlan.nextDaily(auckland, utc("2026-03-10T19:30"), null))
        .isEqualTo(local("2026-03-12T08:00", ZoneId.of("Pacific/Auckland")));
    assertThat(ReminderPlan.nextDaily(auckland, utc("2026-03-10T18:30"), null))
        .isEqualTo(local("2026-03-11T08:00", ZoneId.of("Pacific/Auckland")));
  }

  // quiet hours

  @Test
  void aReminderInTheMorningQuietHoursWaitsUntilTheyEnd() {
    var early = day("Europe/Berlin", "06:30", "22:00", "07:00");
    assertThat(ReminderPlan.nextDaily(early, local("2026-03-10T01:00", BERLIN), null)).isEqualTo(local("2026-03-10T07:00", BERLIN));
  }

  @Test
  void aReminderInTheEveningQuietHoursWaitsUntilTheNextMorning() {
    var late = day("Europe/Berlin", "23:00", "22:00", "07:00");
    assertThat(ReminderPlan.nextDaily(late, local("2026-03-10T10:00", BERLIN), null)).isEqualTo(local("2026-03-11T07:00", BERLIN));
    // Just after midnight, yesterday's reminder is the one still to come.
    assertThat(ReminderPlan.nextDaily(late, local("2026-03-11T01:00", BERLIN), null)).isEqualTo(local("2026-03-11T07:00", BERLIN));
  }

  @Test
  void quietHoursInsideOneDayWork() {
    var nap = day("Europe/Berlin", "14:00", "13:00", "15:00");
    assertThat(ReminderPlan.nextDaily(nap, local("2026-03-10T10:00", BERLIN), null)).isEqualTo(local("2026-03-10T15:00", BERLIN));
  }

  @Test
  void theEndOfQuietHoursIsNotQuietAndTheirStartIs() {
    var onTheEdge = day("Europe/Berlin", "07:00", "22:00", "07:00");
    assertThat(onTheEdge.isQuiet(LocalTime.of(7, 0))).isFalse();
    assertThat(onTheEdge.isQuiet(LocalTime.of(22, 0))).isTrue();
    assertThat(onTheEdge.isQuiet(LocalTime.of(6, 59))).isTrue();
    assertThat(day("Europe/Berlin", "07:00", null, null).isQuiet(LocalTime.MIDNIGHT)).isFalse();
    assertThat(day("Europe/Berlin", "07:00", "09:00", "09:00").isQuiet(LocalTime.of(9, 0))).isFalse();
  }

  @Test
  void nothingGoesOutWhileTheyAreQuietEvenWhenLate() {
    var evening = day("Europe/Berlin", "21:30", "22:00", "07:00");
    Instant due = local("2026-03-10T21:30", BERLIN);
    var outcome = ReminderPlan.atDue(evening, due, local("2026-03-10T22:05", BERLIN), null, 0, null);
    assertThat(outcome.kind()).isEqualTo(Kind.NONE);
    assertThat(outcome.nextDue()).isEqualTo(local("2026-03-11T21:30", BERLIN));
  }

  // daylight saving

  @Test
  void aTimeTheClocksSkipMovesForwardByTheGap() {
    // Berlin springs forward on 29 March 2026: 02:00 becomes 03:00.
    var night = day("Europe/Berlin", "02:30", null, null);
    assertThat(ReminderPlan.nextDaily(night, local("2026-03-29T00:00", BERLIN), null))
        .isEqualTo(utc("2026-03-29T01:30")) // 03:30 summer time
        .isEqualTo(local("2026-03-29T03:30", BERLIN));
  }

  @Test
  void aTimeTheClocksRepeatFallsDueOnce() {
    // Berlin falls back on 25 October 2026: 02:00–03:00 happens twice.
    var night = day("Europe/Berlin", "02:30", null, null);
    Instant first = ReminderPlan.nextDaily(night, local("2026-10-25T00:00", BERLIN), null);
    assertThat(first).isEqualTo(utc("2026-10-25T00:30")); // the first 02:30, still summer time
    assertThat(ReminderPlan.nextDaily(night, first, null)).isEqualTo(utc("2026-10-26T01:30")); // not the second 02:30
  }

  @Test
  void theEveningReminderKeepsItsLocalTimeAcrossTheChange() {
    var evening = day("Europe/Berlin", "20:00", "22:00", "07:00");
    Instant saturday = local("2026-03-28T20:00", BERLIN);
    Instant sunday = ReminderPlan.nextDaily(evening, saturday, null);
    assertThat(sunday.atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(20, 0));
    assertThat(java.time.Duration.between(saturday, sunday)).hasHours(23);
  }

  // what happens when a reminder falls due

  @Test
  void itIsSentAndTheNextIsTomorrow() {
    Instant due = local("2026-03-10T20:00", BERLIN);
    var outcome = ReminderPlan.atDue(evening, due, due.plusSeconds(2), null, 0, null);
    assertThat(outcome.kind()).isEqualTo(Kind.DAILY);
    assertThat(outcome.unanswered()).isEqualTo(1);
    assertThat(outcome.nextDue()).isEqualTo(local("2026-03-11T20:00", BERLIN));
  }

  @Test
  void itIsSkippedWhenTheyAlreadyCheckedInThatDay() {
    Instant due = local("2026-03-10T20:00", BERLIN);
    var outcome = ReminderPlan.atDue(evening, due, due, LocalDate.parse("2026-03-10"), 0, null);
    assertThat(outcome.kind()).isEqualTo(Kind.NONE);
    assertThat(outcome.unanswered()).isZero();
    assertThat(outcome.nextDue()).isEqualTo(local("2026-03-11T20:00", BERLIN));
  }

  @Test
  void aReminderHoursLateIsNotSentButTheNextOneIs() {
    Instant due = local("2026-03-10T08:00", BERLIN);
    var morning = day("Europe/Berlin", "08:00", "22:00", "07:00");
    var outcome = ReminderPlan.atDue(morning, due, due.plusSeconds(3 * 3600), null, 1, null);
    assertThat(outcome.kind()).isEqualTo(Kind.NONE);
    assertThat(outcome.unanswered()).isEqualTo(1);
    assertThat(outcome.nextDue()).isEqualTo(local("2026-03-11T08:00", BERLIN));
  }

  @Test
  void afterThreeIgnoredRemindersItBacksOffToAGentleNoteAWeek() {
    Instant due = local("2026-03-10T20:00", BERLIN);
    int unanswered = 0;
    Instant lastSent = null;
    for (int day = 0; day < 3; day++) {
      var outcome = ReminderPlan.atDue(evening, due, due, null, unanswered, lastSent);
      assertThat(outcome.kind()).isEqualTo(Kind.DAILY);
      lastSent = due;
      unanswered = outcome.unanswered();
      due = outcome.nextDue();
    }
    // The third went out on the 12th: the next is a week later, a gentle note, and then weekly.
    assertThat(unanswered).isEqualTo(3);
    assertThat(due).isEqualTo(local("2026-03-19T20:00", BERLIN));
    var gentle = ReminderPlan.atDue(evening, due, due, null, unanswered, lastSent);
    assertThat(gentle.kind()).isEqualTo(Kind.GENTLE);
    // A week on, across the change to summer time, still at 20:00 their time.
    assertThat(gentle.nextDue()).isEqualTo(local("2026-03-26T20:00", BERLIN));
    assertThat(ReminderPlan.atDue(evening, gentle.nextDue(), gentle.nextDue(), null, gentle.unanswered(), due).nextDue())
        .isEqualTo(local("2026-04-02T20:00", BERLIN));
  }

  @Test
  void aCheckInEndsTheBackOff() {
    Instant now = local("2026-03-20T09:00", BERLIN);
    assertThat(ReminderPlan.next(evening, now, LocalDate.parse("2026-03-20"), 0, local("2026-03-19T20:00", BERLIN)))
        .isEqualTo(local("2026-03-21T20:00", BERLIN));
    // While still backed off, a change of reminder time keeps the weekly rhythm.
    assertThat(ReminderPlan.next(evening, now, null, 4, local("2026-03-19T20:00", BERLIN)))
        .isEqualTo(local("2026-03-26T20:00", BERLIN));
  }

  @Test
  void aWeeklyNoteMovedToTheMorningByQuietHoursDoesNotDrift() {
    var late = day("Europe/Berlin", "23:00", "22:00", "07:00");
    Instant sent = local("2026-05-07T07:00", BERLIN);
    var outcome = ReminderPlan.atDue(late, sent, sent, null, 3, local("2026-04-30T07:00", BERLIN));
    assertThat(outcome.kind()).isEqualTo(Kind.GENTLE);
    assertThat(outcome.nextDue()).isEqualTo(local("2026-05-14T07:00", BERLIN));
  }
}
