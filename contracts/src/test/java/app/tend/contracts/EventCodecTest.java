package app.tend.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.tend.contracts.accounts.PartnerJoined;
import app.tend.contracts.checkin.CheckinSubmitted;
import app.tend.contracts.checkin.TrustRatings;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventCodecTest {

  private final EventCodec codec = new EventCodec();

  @Test
  void anEventSurvivesTheTripThroughJson() {
    var event =
        new CheckinSubmitted(
            UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), LocalDate.of(2026, 3, 29),
            new TrustRatings(4, 3, 2, 1, 5), true);
    var envelope =
        codec.envelope(event, UUID.randomUUID(), event.coupleId(), Instant.parse("2026-03-29T01:30:00Z"), "req-1");

    var read = codec.fromJson(codec.toJson(envelope));

    assertThat(read).isEqualTo(envelope);
    assertThat(read.eventType()).isEqualTo("CheckinSubmitted");
    assertThat(read.aggregateId()).isEqualTo(event.coupleId());
    assertThat(codec.payload(read, CheckinSubmitted.class)).isEqualTo(event);
  }

  @Test
  void timesOfDayTravelAsLocalTimes() {
    var event = new PartnerJoined(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "Europe/Berlin",
        LocalTime.of(19, 30), LocalTime.of(22, 0), LocalTime.of(7, 0), true);
    var envelope = codec.envelope(event, UUID.randomUUID(), event.coupleId(), Instant.now(), null);

    String json = codec.toJson(envelope);

    assertThat(json).contains("\"reminderTime\":\"19:30:00\"");
    assertThat(codec.payload(codec.fromJson(json), PartnerJoined.class)).isEqualTo(event);
  }

  @Test
  void fieldsAddedByANewerProducerAreIgnored() {
    var event =
        new CheckinSubmitted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), LocalDate.now(), new TrustRatings(1, 1, 1, 1, 1), false);
    var envelope = codec.envelope(event, UUID.randomUUID(), event.coupleId(), Instant.now(), null);
    String json = codec.toJson(envelope).replaceFirst("\\{", "{\"addedLater\":true,");

    assertThat(codec.fromJson(json)).isEqualTo(envelope);
  }

  @Test
  void somethingThatIsNotAnEnvelopeIsRefusedAsMalformed() {
    assertThatThrownBy(() -> codec.fromJson("{not json")).isInstanceOf(EventCodec.MalformedEventException.class);
    assertThatThrownBy(() -> codec.fromJson("{\"eventType\":\"X\"}")).isInstanceOf(EventCodec.MalformedEventException.class);
    assertThatThrownBy(() -> codec.fromJson("null")).isInstanceOf(EventCodec.MalformedEventException.class);
  }
}
