package app.tend.accounts.clinic;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The clinics that use Tend, and each one's settings. */
@Repository
class Clinics {

  private final DatabaseClient database;

  Clinics(DatabaseClient database) {
    this.database = database;
  }

  /** A new, active clinic with the default settings. */
  Mono<Void> add(UUID id, String name, String timeZone) {
    return database.sql("insert into clinic (id, name, time_zone) values (:id, :name, :zone)")
        .bind("id", id)
        .bind("name", name)
        .bind("zone", timeZone)
        .then()
        .then(database.sql("insert into clinic_settings (clinic_id) values (:id)").bind("id", id).then());
  }

  Mono<ClinicView> find(UUID id) {
    return database.sql("select id, name, time_zone, active from clinic where id = :id")
        .bind("id", id)
        .map(Clinics::view)
        .one();
  }

  Flux<ClinicView> all() {
    return database.sql("select id, name, time_zone, active from clinic order by name")
        .map(Clinics::view)
        .all();
  }

  /** Marks the clinic inactive; false when it was inactive already or is not there. */
  Mono<Boolean> deactivate(UUID id) {
    return database.sql("update clinic set active = false where id = :id and active")
        .bind("id", id)
        .fetch()
        .rowsUpdated()
        .map(rows -> rows > 0);
  }

  /** The logins of the clinic's staff and partners. */
  Flux<UUID> logins(UUID id) {
    return database
        .sql("select id from staff where clinic_id = :clinicId union select id from partner where clinic_id = :clinicId")
        .bind("clinicId", id)
        .map(row -> row.get("id", UUID.class))
        .all();
  }

  Mono<ClinicSettings> settings(UUID clinicId) {
    return database.sql("select * from clinic_settings where clinic_id = :clinicId")
        .bind("clinicId", clinicId)
        .map(Clinics::settingsOf)
        .one();
  }

  Mono<Void> changeSettings(UUID clinicId, ClinicSettings settings) {
    return database
        .sql(
            """
            update clinic_settings set default_reminder_time = :reminder, default_quiet_hours_start = :quietStart,
              default_quiet_hours_end = :quietEnd, alert_trend_drop = :drop, alert_days_without_checkin = :days,
              measure_every_days = :measure, crisis_contacts = :crisisContacts, updated_at = now()
            where clinic_id = :clinicId
            """)
        .bind("reminder", settings.defaultReminderTime())
        .bind("quietStart", settings.defaultQuietHoursStart())
        .bind("quietEnd", settings.defaultQuietHoursEnd())
        .bind("drop", BigDecimal.valueOf(settings.alertTrendDrop()))
        .bind("days", settings.alertDaysWithoutCheckin())
        .bind("measure", settings.measureEveryDays())
        .bind("crisisContacts", settings.crisisContacts().strip())
        .bind("clinicId", clinicId)
        .then();
  }

  private static ClinicView view(Readable row) {
    return new ClinicView(row.get("id", UUID.class), row.get("name", String.class),
        row.get("time_zone", String.class), Boolean.TRUE.equals(row.get("active", Boolean.class)));
  }

  private static ClinicSettings settingsOf(Readable row) {
    return new ClinicSettings(row.get("default_reminder_time", LocalTime.class), row.get("default_quiet_hours_start", LocalTime.class),
        row.get("default_quiet_hours_end", LocalTime.class), row.get("alert_trend_drop", BigDecimal.class).doubleValue(),
        row.get("alert_days_without_checkin", Integer.class), row.get("measure_every_days", Integer.class),
        row.get("crisis_contacts", String.class));
  }
}
