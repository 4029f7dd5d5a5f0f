package app.tend.checkins.couple;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * This service's own copy of who is in which couple, with which clinician, in which time zone and
 * with what consent, kept from accounts-service's events by the handlers beside it.
 */
@Repository
public class CoupleProjection {

  private final DatabaseClient database;

  CoupleProjection(DatabaseClient database) {
    this.database = database;
  }

  Mono<Void> enrolled(UUID coupleId, UUID clinicId, UUID clinicianId) {
    return database
        .sql(
            """
            insert into couple (couple_id, clinic_id, clinician_id) values (:coupleId, :clinicId, :clinicianId)
            on conflict (couple_id) do update set clinician_id = excluded.clinician_id
            """)
        .bind("coupleId", coupleId)
        .bind("clinicId", clinicId)
        .bind("clinicianId", clinicianId)
        .then();
  }

  Mono<Void> clinicianAssigned(UUID coupleId, UUID clinicId, UUID clinicianId) {
    return database.sql("update couple set clinician_id = :clinicianId where couple_id = :coupleId and clinic_id = :clinicId")
        .bind("clinicianId", clinicianId)
        .bind("coupleId", coupleId)
        .bind("clinicId", clinicId)
        .then();
  }

  Mono<Void> joined(UUID partnerId, UUID coupleId, UUID clinicId, String timeZone, boolean reflectionsVisibleToClinician,
      Instant at) {
    return database
        .sql(
            """
            insert into partner (partner_id, couple_id, clinic_id, time_zone, reflections_visible_to_clinician, joined_at)
            values (:partnerId, :coupleId, :clinicId, :timeZone, :reflections, :joinedAt)
            on conflict (partner_id) do update
              set time_zone = excluded.time_zone, reflections_visible_to_clinician = excluded.reflections_visible_to_clinician,
                  joined_at = coalesce(partner.joined_at, excluded.joined_at)
            """)
        .bind("joinedAt", at.atOffset(ZoneOffset.UTC))
        .bind("partnerId", partnerId)
        .bind("coupleId", coupleId)
        .bind("clinicId", clinicId)
        .bind("timeZone", timeZone)
        .bind("reflections", reflectionsVisibleToClinician)
        .then();
  }

  /** The partner's new time zone, in which their local day is counted. */
  public Mono<Void> timeZoneChanged(UUID partnerId, UUID clinicId, String timeZone) {
    return update("update partner set time_zone = :value where partner_id = :partnerId and clinic_id = :clinicId",
        timeZone, partnerId, clinicId);
  }

  Mono<Void> consentChanged(UUID partnerId, UUID clinicId, boolean reflectionsVisibleToClinician) {
    return update("update partner set reflections_visible_to_clinician = :value where partner_id = :partnerId and clinic_id = :clinicId",
        reflectionsVisibleToClinician, partnerId, clinicId);
  }

  /** The partner is no longer known here (they erased their account). */
  public Mono<Void> forget(UUID partnerId, UUID clinicId) {
    return database.sql("delete from partner where partner_id = :partnerId and clinic_id = :clinicId")
        .bind("partnerId", partnerId)
        .bind("clinicId", clinicId)
        .then();
  }

  /** One partner's row changes; the partner joined earlier on the same topic and key, so it exists. */
  private Mono<Void> update(String sql, Object value, UUID partnerId, UUID clinicId) {
    return database.sql(sql)
        .bind("value", value)
        .bind("partnerId", partnerId)
        .bind("clinicId", clinicId)
        .fetch()
        .rowsUpdated()
        .flatMap(rows -> rows == 1 ? Mono.<Void>empty() : Mono.error(new IllegalStateException("a change for a partner not known here")));
  }
}
