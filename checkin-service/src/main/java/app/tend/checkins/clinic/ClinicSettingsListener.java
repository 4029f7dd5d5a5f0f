package app.tend.checkins.clinic;

import app.tend.contracts.EventCodec;
import app.tend.contracts.Topics;
import app.tend.contracts.accounts.ClinicSettingsChanged;
import app.tend.platform.inbox.ProcessedEvents;
import java.math.BigDecimal;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** Keeps what each clinic decided that this service acts on, from its {@code ClinicSettingsChanged} events. */
@Component
class ClinicSettingsListener {

  private final EventCodec codec;
  private final DatabaseClient database;
  private final ProcessedEvents processed;

  ClinicSettingsListener(EventCodec codec, DatabaseClient database, ProcessedEvents processed) {
    this.codec = codec;
    this.database = database;
    this.processed = processed;
  }

  @KafkaListener(topics = Topics.ACCOUNTS_CLINIC)
  void on(ConsumerRecord<String, byte[]> record) {
    var envelope = codec.fromJson(record.value());
    if (!ClinicSettingsChanged.class.getSimpleName().equals(envelope.eventType())) {
      return;
    }
    var changed = codec.payload(envelope, ClinicSettingsChanged.class);
    // Each event carries the whole settings, and one clinic's events arrive in order: the latest wins.
    processed.once(envelope, "kept the clinic's settings", () -> database.sql(
            """
            insert into clinic_settings (clinic_id, measure_every_days, alert_trend_drop, alert_days_without_checkin)
            values (:clinicId, :every, :drop, :days)
            on conflict (clinic_id) do update set measure_every_days = excluded.measure_every_days,
              alert_trend_drop = excluded.alert_trend_drop, alert_days_without_checkin = excluded.alert_days_without_checkin
            """)
        .bind("clinicId", changed.clinicId())
        .bind("every", changed.measureEveryDays())
        .bind("drop", BigDecimal.valueOf(changed.alertTrendDrop()))
        .bind("days", changed.alertDaysWithoutCheckin())
        .then());
  }
}
