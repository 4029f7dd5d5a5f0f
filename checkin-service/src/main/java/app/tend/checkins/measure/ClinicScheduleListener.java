package app.tend.checkins.measure;

import app.tend.checkins.platform.messaging.ProcessedEvents;
import app.tend.contracts.EventCodec;
import app.tend.contracts.Topics;
import app.tend.contracts.accounts.ClinicSettingsChanged;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Keeps each clinic's measure schedule from its {@code ClinicSettingsChanged} events. */
@Component
class ClinicScheduleListener {

  private final EventCodec codec;
  private final DatabaseClient database;
  private final ProcessedEvents processed;
  private final TransactionalOperator transaction;

  ClinicScheduleListener(EventCodec codec, DatabaseClient database, ProcessedEvents processed, TransactionalOperator transaction) {
    this.codec = codec;
    this.database = database;
    this.processed = processed;
    this.transaction = transaction;
  }

  @KafkaListener(topics = Topics.ACCOUNTS_CLINIC)
  void on(ConsumerRecord<String, byte[]> record) {
    var envelope = codec.fromJson(record.value());
    if (!ClinicSettingsChanged.class.getSimpleName().equals(envelope.eventType())) {
      return;
    }
    var changed = codec.payload(envelope, ClinicSettingsChanged.class);
    // Each event carries the whole settings, and events of one clinic arrive in order: the latest wins.
    processed.claim(envelope.eventId())
        .flatMap(first -> first
            ? database.sql(
                    """
                    insert into clinic_schedule (clinic_id, measure_every_days) values (:clinicId, :every)
                    on conflict (clinic_id) do update set measure_every_days = excluded.measure_every_days
                    """)
                .bind("clinicId", changed.clinicId())
                .bind("every", changed.measureEveryDays())
                .then()
            : reactor.core.publisher.Mono.<Void>empty())
        .as(transaction::transactional)
        .block(Duration.ofSeconds(30));
  }
}
