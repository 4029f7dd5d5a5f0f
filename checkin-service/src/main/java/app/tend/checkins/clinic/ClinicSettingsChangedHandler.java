package app.tend.checkins.clinic;

import app.tend.contracts.EventEnvelope;
import app.tend.contracts.Topics;
import app.tend.contracts.accounts.ClinicSettingsChanged;
import app.tend.platform.inbox.EventHandler;
import java.math.BigDecimal;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps what each clinic decided that this service acts on: how often its couples are asked for a
 * measure, and when a trend drop or days without check-ins need the clinician.
 */
@Component
class ClinicSettingsChangedHandler extends EventHandler<ClinicSettingsChanged> {

  private final DatabaseClient database;

  ClinicSettingsChangedHandler(DatabaseClient database) {
    super(ClinicSettingsChanged.class, Topics.ACCOUNTS_CLINIC, "kept the clinic's settings");
    this.database = database;
  }

  /** Each event carries the whole settings, and one clinic's events arrive in order: the latest wins. */
  @Override
  protected Mono<Void> handle(ClinicSettingsChanged changed, EventEnvelope envelope) {
    return database
        .sql(
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
        .then();
  }
}
