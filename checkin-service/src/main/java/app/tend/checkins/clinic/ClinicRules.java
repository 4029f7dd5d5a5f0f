package app.tend.checkins.clinic;

import app.tend.contracts.accounts.ClinicSettingsChanged;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** What a clinic decided that checkin-service acts on; the defaults until the clinic says otherwise. */
@Repository
public class ClinicRules {

  /**
   * @param measureEveryDays how often the relationship measure is asked
   * @param alertTrendDrop how far a partner's 7-day average of an act may fall below their 28-day average before their clinician hears
   * @param alertDaysWithoutCheckin whole days without a check-in before their clinician hears
   */
  public record Rules(int measureEveryDays, double alertTrendDrop, int alertDaysWithoutCheckin) {}

  /** The same defaults accounts-service gives a new clinic. */
  public static final Rules DEFAULTS = new Rules(7, 1.0, 4);

  private final DatabaseClient database;

  ClinicRules(DatabaseClient database) {
    this.database = database;
  }

  public Mono<Rules> of(UUID clinicId) {
    return database.sql("select * from clinic_settings where clinic_id = :clinicId")
        .bind("clinicId", clinicId)
        .map(row -> new Rules(row.get("measure_every_days", Integer.class), row.get("alert_trend_drop", BigDecimal.class).doubleValue(),
            row.get("alert_days_without_checkin", Integer.class)))
        .one()
        .defaultIfEmpty(DEFAULTS);
  }

  /** Each event carries the whole settings, and one clinic's events arrive in order: the latest wins. */
  Mono<Void> keep(ClinicSettingsChanged changed) {
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
