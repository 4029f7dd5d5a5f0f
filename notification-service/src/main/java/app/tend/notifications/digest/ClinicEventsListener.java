package app.tend.notifications.digest;

import app.tend.contracts.EventCodec;
import app.tend.contracts.Topics;
import app.tend.contracts.accounts.ClinicCreated;
import app.tend.platform.inbox.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** Keeps each clinic's time zone, so that its clinicians' digests come in their morning. */
@Component
class ClinicEventsListener {

  private final EventCodec codec;
  private final DatabaseClient database;
  private final ProcessedEvents processed;

  ClinicEventsListener(EventCodec codec, DatabaseClient database, ProcessedEvents processed) {
    this.codec = codec;
    this.database = database;
    this.processed = processed;
  }

  @KafkaListener(topics = Topics.ACCOUNTS_CLINIC)
  void on(ConsumerRecord<String, byte[]> record) {
    var envelope = codec.fromJson(record.value());
    if (ClinicCreated.class.getSimpleName().equals(envelope.eventType())) {
      var created = codec.payload(envelope, ClinicCreated.class);
      processed.once(envelope, "kept the clinic's time zone", () -> database
          .sql("insert into clinic (id, time_zone) values (:id, :zone) on conflict (id) do update set time_zone = excluded.time_zone")
          .bind("id", created.clinicId())
          .bind("zone", created.timeZone())
          .then());
    }
  }
}
