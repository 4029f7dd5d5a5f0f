package app.tend.checkins.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import app.tend.checkins.commitment.CommitmentSchedule.Kind;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CommitmentScheduleTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final LocalTime EIGHT_PM = LocalTime.of(20, 0);
  private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

  private static CommitmentSchedule repeating(Kind kind, DayOfWeek day) {
    return new CommitmentSchedule(kind, null, EIGHT_PM, day);
  }

  private static Instant berlin(String localDateTime) {
    return java.time.LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
  }

  @Test
  void aDailyCommitmentFallsDueEachDayAtItsLocalTime() {
    var daily = repeating(Kind.DAILY, null);
    assertThat(daily.nextDueAfter(berlin("2026-11-30T10:00"), BERLIN, MONDAY)).contains(berlin("2026-11-30T20:00"));
    assertThat(daily.nextDueAfter(berlin("2026-11-30T20:00"), BERLIN, MONDAY)).contains(berlin("2026-12-01T20:00"));
  }

  @Test
  void weekdaysSkipTheWeekendAndWeeklyKeepsItsDay() {
    var weekdays = repeating(Kind.WEEKDAYS, null);
    assertThat(weekdays.nextDueAfter(berlin("2026-12-04T21:00"), BERLIN, MONDAY)).contains(berlin("2026-12-07T20:00"));
    assertThat(weekdays.isDueOn(LocalDate.of(2026, 12, 5), MONDAY)).isFalse();
    assertThat(weekdays.isDueOn(LocalDate.of(2026, 12, 4), MONDAY)).isTrue();

    var wednesdays = repeating(Kind.WEEKLY, DayOfWeek.WEDNESDAY);
    assertThat(wednesdays.nextDueAfter(berlin("2026-12-02T20:30"), BERLIN, MONDAY)).contains(berlin("2026-12-09T20:00"));
    assertThat(wednesdays.firstDueOnOrAfter(MONDAY, MONDAY)).contains(LocalDate.of(2026, 12, 2));
  }

  @Test
  void nothingFallsDueBeforeTheCommitmentStartsAndAOneOffFallsDueOnce() {
    var daily = repeating(Kind.DAILY, null);
    assertThat(daily.isDueOn(MONDAY.minusDays(1), MONDAY)).isFalse();
    assertThat(daily.nextDueAfter(berlin("2026-11-28T09:00"), BERLIN, MONDAY)).contains(berlin("2026-11-30T20:00"));

    var once = new CommitmentSchedule(Kind.ONCE, LocalDate.of(2026, 12, 3), LocalTime.of(18, 30), null);
    assertThat(once.nextDueAfter(berlin("2026-11-30T10:00"), BERLIN, MONDAY)).contains(berlin("2026-12-03T18:30"));
    assertThat(once.nextDueAfter(berlin("2026-12-03T18:30"), BERLIN, MONDAY)).isEmpty();
    assertThat(once.isDueOn(LocalDate.of(2026, 12, 3), MONDAY)).isTrue();
    assertThat(once.isDueOn(LocalDate.of(2026, 12, 4), MONDAY)).isFalse();
  }

  @Test
  void theLocalTimeHoldsAcrossDaylightSavingChangesInThreeZones() {
    // Berlin: 20:00 is 19:00 UTC in winter and 18:00 UTC in summer.
    var daily = repeating(Kind.DAILY, null);
    LocalDate march = LocalDate.of(2026, 3, 28);
    assertThat(daily.nextDueAfter(Instant.parse("2026-03-28T19:00:00Z"), BERLIN, march)).contains(Instant.parse("2026-03-29T18:00:00Z"));

    // A time the spring change skips moves forward by the gap, as clocks do.
    var skipped = new CommitmentSchedule(Kind.DAILY, null, LocalTime.of(2, 30), null);
    assertThat(skipped.nextDueAfter(Instant.parse("2026-03-28T12:00:00Z"), BERLIN, march)).contains(Instant.parse("2026-03-29T01:30:00Z"));
    ZoneId newYork = ZoneId.of("America/New_York");
    assertThat(skipped.nextDueAfter(Instant.parse("2026-03-07T12:00:00Z"), newYork, LocalDate.of(2026, 3, 7)))
        .contains(Instant.parse("2026-03-08T07:30:00Z"));

    // A time the autumn change repeats falls due once, at its first occurrence.
    ZoneId sydney = ZoneId.of("Australia/Sydney");
    LocalDate april = LocalDate.of(2026, 4, 4);
    assertThat(skipped.nextDueAfter(Instant.parse("2026-04-04T03:00:00Z"), sydney, april)).contains(Instant.parse("2026-04-04T15:30:00Z"));
    assertThat(skipped.nextDueAfter(Instant.parse("2026-04-04T15:30:00Z"), sydney, april)).contains(Instant.parse("2026-04-05T16:30:00Z"));
  }

  @Test
  void problemsAreSaidInWords() {
    assertThat(CommitmentSchedule.problems(null, MONDAY)).containsExactly("please say when it is due: once, every day, on weekdays or weekly");
    assertThat(CommitmentSchedule.problems(new CommitmentSchedule(Kind.ONCE, MONDAY.minusDays(1), EIGHT_PM, null), MONDAY))
        .containsExactly("the day it is due has already passed");
    assertThat(CommitmentSchedule.problems(new CommitmentSchedule(Kind.WEEKLY, null, null, null), MONDAY))
        .containsExactly("please give the time it is due by", "please give the day of the week");
    assertThat(CommitmentSchedule.problems(new CommitmentSchedule(Kind.DAILY, MONDAY, EIGHT_PM, DayOfWeek.MONDAY), MONDAY))
        .containsExactly("a repeating commitment has no single day", "only a weekly commitment has a day of the week");
    assertThat(CommitmentSchedule.problems(repeating(Kind.DAILY, null), MONDAY)).isEmpty();
  }
}
