package app.tend.notifications.couple;

import app.tend.contracts.accounts.PartnerJoined;
import app.tend.contracts.accounts.PreferencesChanged;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Who is in which couple, who their clinician is and how each partner's day goes, as this service
 * knows it from accounts-service's events: enough to find "the other partner", to remind each one
 * at their time, and to tell the clinician when a partner leaves.
 */
@Repository
public class CoupleProjection {

  private final DatabaseClient database;

  CoupleProjection(DatabaseClient database) {
    this.database = database;
  }

  Mono<Void> clinicianOf(UUID coupleId, UUID clinicId, UUID clinicianId) {
    return database
        .sql(
            """
            insert into couple_clinician (couple_id, clinic_id, clinician_id) values (:coupleId, :clinicId, :clinicianId)
            on conflict (couple_id) do update set clinician_id = excluded.clinician_id
            """)
        .bind("coupleId", coupleId)
        .bind("clinicId", clinicId)
        .bind("clinicianId", clinicianId)
        .then();
  }

  /** The couple's clinician; empty while their enrolment has not arrived. */
  public Mono<UUID> clinicianOf(UUID coupleId, UUID clinicId) {
    return database
        .sql("select clinician_id from couple_clinician where couple_id = :coupleId and clinic_id = :clinicId")
        .bind("coupleId", coupleId)
        .bind("clinicId", clinicId)
        .map(row -> row.get("clinician_id", UUID.class))
        .one();
  }

  /** The partner is known here, with the time zone and hours their reminders follow. */
  public Mono<Void> joined(PartnerJoined joined) {
    return database
        .sql(
            """
            insert into couple_member (partner_id, couple_id, clinic_id, time_zone, reminder_time, quiet_hours_start, quiet_hours_end)
            values (:partnerId, :coupleId, :clinicId, :zone, :reminder, :quietStart, :quietEnd)
            on conflict (partner_id) do update set couple_id = excluded.couple_id, clinic_id = excluded.clinic_id,
              time_zone = excluded.time_zone, reminder_time = excluded.reminder_time,
              quiet_hours_start = excluded.quiet_hours_start, quiet_hours_end = excluded.quiet_hours_end
            """)
        .bind("partnerId", joined.partnerId())
        .bind("coupleId", joined.coupleId())
        .bind("clinicId", joined.clinicId())
        .bind("zone", joined.timeZone())
        .bind("reminder", joined.reminderTime())
        .bind("quietStart", joined.quietHoursStart())
        .bind("quietEnd", joined.quietHoursEnd())
        .then();
  }

  /** The partner's new zone, reminder time, quiet hours and muted kinds. */
  public Mono<Void> preferencesChanged(PreferencesChanged changed) {
    return database
        .sql(
            """
            update couple_member set time_zone = :zone, reminder_time = :reminder, quiet_hours_start = :quietStart,
              quiet_hours_end = :quietEnd, muted_notifications = :muted
            where partner_id = :partnerId and clinic_id = :clinicId
            """)
        .bind("zone", changed.timeZone())
        .bind("reminder", changed.reminderTime())
        .bind("quietStart", changed.quietHoursStart())
        .bind("quietEnd", changed.quietHoursEnd())
        .bind("muted", changed.mutedNotifications().stream().map(Enum::name).sorted().toArray(String[]::new))
        .bind("partnerId", changed.partnerId())
        .bind("clinicId", changed.clinicId())
        .fetch()
        .rowsUpdated()
        // Same topic and key as PartnerJoined, so the partner is known unless something is badly wrong.
        .flatMap(rows -> rows == 1 ? Mono.<Void>empty() : Mono.error(new IllegalStateException("preferences of a partner not known here")));
  }

  /** The partner is no longer known here (they erased their account). */
  public Mono<Void> forget(UUID partnerId, UUID clinicId) {
    return database.sql("delete from couple_member where partner_id = :partnerId and clinic_id = :clinicId")
        .bind("partnerId", partnerId)
        .bind("clinicId", clinicId)
        .then();
  }
}
