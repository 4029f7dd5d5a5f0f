package app.tend.notifications.feed;

import app.tend.contracts.EventCodec;
import app.tend.contracts.Topics;
import app.tend.contracts.checkin.SafetyConcernRaised;
import app.tend.notifications.couple.CoupleNotYetKnownException;
import app.tend.platform.inbox.ProcessedEvents;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Alerts the couple's clinician at once when a partner raised "I don't feel safe". The clinician is
 * the only recipient: this listener never looks at the couple's partners.
 */
@Component
class SafetyEventsListener {

  private final EventCodec codec;
  private final DatabaseClient database;
  private final ProcessedEvents processed;
  private final Feed feed;

  SafetyEventsListener(EventCodec codec, DatabaseClient database, ProcessedEvents processed, Feed feed) {
    this.codec = codec;
    this.database = database;
    this.processed = processed;
    this.feed = feed;
  }

  @KafkaListener(topics = Topics.CHECKIN_SAFETY)
  void on(ConsumerRecord<String, byte[]> record) {
    var envelope = codec.fromJson(record.value());
    if (!SafetyConcernRaised.class.getSimpleName().equals(envelope.eventType())) {
      return;
    }
    var raised = codec.payload(envelope, SafetyConcernRaised.class);
    processed.once(envelope, "alerted the clinician", () -> alertClinician(raised, envelope.clinicId(), envelope.eventId()));
  }

  /**
   * The couple's clinician must be known here (from {@code CoupleEnrolled} or {@code
   * ClinicianAssigned}, on another topic); until then the record is retried, and a flag is never
   * dropped silently: after the retries it waits in the dead-letter topic, counted.
   */
  private Mono<Void> alertClinician(SafetyConcernRaised raised, UUID clinicId, UUID eventId) {
    return database
        .sql("select clinician_id from couple_clinician where couple_id = :coupleId and clinic_id = :clinicId")
        .bind("coupleId", raised.coupleId())
        .bind("clinicId", clinicId)
        .map(row -> row.get("clinician_id", UUID.class))
        .one()
        .switchIfEmpty(Mono.error(() -> new CoupleNotYetKnownException(raised.coupleId())))
        .flatMap(clinician -> feed.create(clinician, clinicId, NotificationKind.SAFETY_CONCERN, eventId))
        .then();
  }
}
