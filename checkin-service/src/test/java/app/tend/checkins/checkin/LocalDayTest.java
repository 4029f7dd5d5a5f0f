package app.tend.checkins.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LocalDayTest {

  private static Clock at(String instant) {
    return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
  }

  @Test
  void todayIsThePartnersCalendarDayNotTheServers() {
    var clock = at("2026-11-30T11:30:00Z");
    assertThat(LocalDay.today(clock, ZoneId.of("Pacific/Auckland"))).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(LocalDay.today(clock, ZoneId.of("Europe/Berlin"))).isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(LocalDay.today(clock, ZoneId.of("Pacific/Honolulu"))).isEqualTo(LocalDate.of(2026, 11, 30));
  }

  @Test
  void aDayEndsAtLocalMidnightSoTwoCheckinsAMinuteApartCanBelongToTwoDays() {
    var zone = ZoneId.of("America/New_York");
    assertThat(LocalDay.today(at("2026-11-30T04:59:00Z"), zone)).isEqualTo(LocalDate.of(2026, 11, 29));
    assertThat(LocalDay.today(at("2026-11-30T05:00:00Z"), zone)).isEqualTo(LocalDate.of(2026, 11, 30));
  }

  @Test
  void theShortAndTheLongDayOfDaylightSavingAreEachOneDay() {
    var berlin = ZoneId.of("Europe/Berlin");
    // 29 March 2026: clocks jump from 02:00 to 03:00; the day still runs from local midnight to midnight.
    assertThat(LocalDay.today(at("2026-03-28T23:00:00Z"), berlin)).isEqualTo(LocalDate.of(2026, 3, 29));
    assertThat(LocalDay.today(at("2026-03-29T21:59:00Z"), berlin)).isEqualTo(LocalDate.of(2026, 3, 29));
    assertThat(LocalDay.today(at("2026-03-29T22:00:00Z"), berlin)).isEqualTo(LocalDate.of(2026, 3, 30));
    // 25 October 2026: 03:00 falls back to 02:00; the 25-hour day is still one day.
    assertThat(LocalDay.today(at("2026-10-24T22:00:00Z"), berlin)).isEqualTo(LocalDate.of(2026, 10, 25));
    assertThat(LocalDay.today(at("2026-10-25T22:59:00Z"), berlin)).isEqualTo(LocalDate.of(2026, 10, 25));
    assertThat(LocalDay.today(at("2026-10-25T23:00:00Z"), berlin)).isEqualTo(LocalDate.of(2026, 10, 26));
  }
}
