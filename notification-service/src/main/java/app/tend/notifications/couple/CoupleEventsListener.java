package app.tend.notifications.couple;

import app.tend.contracts.EventCodec;
import app.tend.contracts.Topics;
import app.tend.contracts.accounts.CoupleEnrolled;
import app.tend.notifications.platform.messaging.ProcessedEvents;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Keeps who is in which couple, from accounts-service's events: enough to find "the other partner". */
@Component
class CoupleEventsListener {

  private final EventCodec codec;
  private final DatabaseClient database;
  private final ProcessedEvents processed;
  private final TransactionalOperator transaction;

  CoupleEventsListener(EventCodec codec, DatabaseClient database, ProcessedEvents processed, TransactionalOperator transaction) {
    this.codec = codec;
    this.database = database;
    this.processed = processed;
    this.transaction = transaction;
  }

  @KafkaListener(topics = Topics.ACCOUNTS_COUPLE)
  void on(ConsumerRecord<String, byte[]> record) {
    var envelope = codec.fromJson(record.value());
    if (!CoupleEnrolled.class.getSimpleName().equals(envelope.eventType())) {
      return;
    }
    var enrolled = codec.payload(envelope, CoupleEnrolled.class);
    processed
        .claim(envelope.eventId())
        .flatMap(first -> first ? project(enrolled) : Mono.empty())
        .as(transaction::transactional)
        .block(Duration.ofSeconds(30));
  }

  private Mono<Void> project(CoupleEnrolled enrolled) {
    return Flux.fromIterable(enrolled.partners())
        .concatMap(
            partner ->
                database
                    .sql(
                        """
                        insert into couple_member (partner_id, couple_id, clinic_id) values (:partnerId, :coupleId, :clinicId)
                        on conflict (partner_id) do update set couple_id = excluded.couple_id, clinic_id = excluded.clinic_id
                        """)
                    .bind("partnerId", partner.partnerId())
                    .bind("coupleId", enrolled.coupleId())
                    .bind("clinicId", enrolled.clinicId())
                    .then())
        .then();
  }
}
