package app.tend.checkins.couple;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
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

  /** The partner with this login, in whichever clinic; empty when this service has not heard of them. */
  Mono<Partner> partner(UUID partnerId) {
    return database
        .sql(
            """
            select p.partner_id, p.couple_id, p.clinic_id, c.clinician_id, p.time_zone
            from partner p join couple c on c.couple_id = p.couple_id
            where p.partner_id = :partnerId
            """)
        .bind("partnerId", partnerId)
        .map(row -> new Partner(
            row.get("partner_id", UUID.class), row.get("couple_id", UUID.class), row.get("clinic_id", UUID.class),
            row.get("clinician_id", UUID.class), ZoneId.of(row.get("time_zone", String.class))))
        .one();
  }

  /**
   * The partners who have joined the couple, when it is {@code clinicianId}'s in {@code clinicId}
   * (none yet is an empty list); empty when it is not theirs or not there.
   */
  Mono<List<AssignedCouple.Member>> membersOf(UUID coupleId, UUID clinicId, UUID clinicianId) {
    return database
        .sql(
            """
            select p.partner_id, p.reflections_visible_to_clinician
            from couple c left join partner p on p.couple_id = c.couple_id
            where c.couple_id = :coupleId and c.clinic_id = :clinicId and c.clinician_id = :clinicianId
            order by p.partner_id
            """)
        .bind("coupleId", coupleId)
        .bind("clinicId", clinicId)
        .bind("clinicianId", clinicianId)
        .map(row -> Optional.ofNullable(row.get("partner_id", UUID.class))
            .map(id -> new AssignedCouple.Member(id, Boolean.TRUE.equals(row.get("reflections_visible_to_clinician", Boolean.class)))))
        .all()
        .collectList()
        .filter(rows -> !rows.isEmpty())
        .map(rows -> rows.stream().flatMap(Optional::stream).toList());
  }

  /** The other partner of {@code partner}'s couple, once both have joined. */
  Mono<Partner> otherPartnerOf(Partner partner) {
    return database
        .sql("select partner_id, time_zone from partner where couple_id = :coupleId and clinic_id = :clinicId and partner_id <> :partnerId")
        .bind("coupleId", partner.coupleId())
        .bind("clinicId", partner.clinicId())
        .bind("partnerId", partner.partnerId())
        .map(row -> new Partner(row.get("partner_id", UUID.class), partner.coupleId(), partner.clinicId(), partner.clinicianId(),
            ZoneId.of(row.get("time_zone", String.class))))
        .one();
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
