package app.tend.checkins.couple;

import app.tend.checkins.platform.messaging.ProcessedEvents;
import app.tend.contracts.EventCodec;
import app.tend.contracts.Topics;
import app.tend.contracts.accounts.CoupleEnrolled;
import java.time.Duration;
import java.time.ZoneId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Keeps the local projection of couples and partners from accounts-service's events. */
@Component
class CoupleEventsListener {

  private final EventCodec codec;
  private final DatabaseClient database;
  private final ProcessedEvents processed;
  private final TransactionalOperator transaction;

  CoupleEventsListener(
      EventCodec codec, DatabaseClient database, ProcessedEvents processed, TransactionalOperator transaction) {
    this.codec = codec;
    this.database = database;
    this.processed = processed;
    this.transaction = transaction;
  }

  @KafkaListener(topics = Topics.ACCOUNTS_COUPLE)
  void on(ConsumerRecord<String, byte[]> record) {
    var envelope = codec.fromJson(record.value());
    if (!CoupleEnrolled.class.getSimpleName().equals(envelope.eventType())) {
      return; // later event types are for other consumers until this one needs them
    }
    var enrolled = codec.payload(envelope, CoupleEnrolled.class);
    enrolled.partners().forEach(partner -> ZoneId.of(partner.timeZone())); // refuses an unknown zone before writing
    processed
        .claim(envelope.eventId())
        .flatMap(first -> first ? project(enrolled) : Mono.empty())
        .as(transaction::transactional)
        .block(Duration.ofSeconds(30));
  }

  private Mono<Void> project(CoupleEnrolled enrolled) {
    Mono<Void> couple =
        database
            .sql(
                """
                insert into couple (couple_id, clinic_id, clinician_id) values (:coupleId, :clinicId, :clinicianId)
                on conflict (couple_id) do update set clinician_id = excluded.clinician_id
                """)
            .bind("coupleId", enrolled.coupleId())
            .bind("clinicId", enrolled.clinicId())
            .bind("clinicianId", enrolled.clinicianId())
            .then();
    Mono<Void> partners =
        Flux.fromIterable(enrolled.partners())
            .concatMap(
                partner ->
                    database
                        .sql(
                            """
                            insert into partner (partner_id, couple_id, clinic_id, time_zone)
                            values (:partnerId, :coupleId, :clinicId, :timeZone)
                            on conflict (partner_id) do update set time_zone = excluded.time_zone
                            """)
                        .bind("partnerId", partner.partnerId())
                        .bind("coupleId", enrolled.coupleId())
                        .bind("clinicId", enrolled.clinicId())
                        .bind("timeZone", partner.timeZone())
                        .then())
            .then();
    return couple.then(partners);
  }
}
