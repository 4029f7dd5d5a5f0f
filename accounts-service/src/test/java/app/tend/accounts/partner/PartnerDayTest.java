package app.tend.accounts.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class PartnerDayTest {

  private static PartnerDay day(String reminder, String quietFrom, String quietUntil) {
    return new PartnerDay("Europe/Berlin", LocalTime.parse(reminder), LocalTime.parse(quietFrom), LocalTime.parse(quietUntil));
  }

  @Test
  void quietHoursThatRunPastMidnightIncludeTheLateEveningAndTheEarlyMorning() {
    assertThat(day("23:00", "22:00", "07:00").problems()).singleElement().asString().contains("falls in your quiet hours");
    assertThat(day("06:45", "22:00", "07:00").problems()).singleElement().asString().contains("falls in your quiet hours");
    assertThat(day("07:00", "22:00", "07:00").problems()).isEmpty();
    assertThat(day("21:45", "22:00", "07:00").problems()).isEmpty();
  }

  @Test
  void quietHoursWithinOneDayIncludeOnlyThatStretch() {
    assertThat(day("13:30", "13:00", "15:00").problems()).singleElement().asString().contains("falls in your quiet hours");
    assertThat(day("15:00", "13:00", "15:00").problems()).isEmpty();
    assertThat(day("12:59", "13:00", "15:00").problems()).isEmpty();
  }

  @Test
  void missingTimesAndAnUnknownZoneAreEachNamed() {
    var day = new PartnerDay("Mars/Olympus", null, LocalTime.NOON, LocalTime.NOON);
    assertThat(day.problems()).containsExactly(
        "your time zone must be a place such as Europe/Berlin",
        "your reminder time is missing",
        "your quiet hours must start and end at different times");
  }
}
