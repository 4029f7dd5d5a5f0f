package app.tend.checkins.couple;

import app.tend.platform.audit.AuditLog;
import app.tend.platform.security.Caller;
import app.tend.platform.web.NotFoundException;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Looks up the local projection of partners and couples. */
@Component
public class Partners {

  private final DatabaseClient database;
  private final AuditLog audit;

  Partners(DatabaseClient database, AuditLog audit) {
    this.database = database;
    this.audit = audit;
  }

  /**
   * The partner the caller is, in the caller's own clinic.
   *
   * @throws NotFoundException (in the Mono) when the caller is not a known partner of that clinic
   */
  public Mono<Partner> callerAsPartner(Caller caller) {
    if (!caller.has(Caller.PARTNER) || caller.clinicId().isEmpty()) {
      return Mono.error(new NotFoundException("There is nothing here for you."));
    }
    return find(caller.subject())
        .filter(partner -> partner.clinicId().equals(caller.clinicId().get()))
        .switchIfEmpty(Mono.error(() -> new NotFoundException(
            "We could not find your couple yet. If you have just joined, please try again in a minute.")));
  }

  /** The partner with this login, in whichever clinic; empty when this service has not heard of them. */
  public Mono<Partner> find(UUID partnerId) {
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
   * The couple {@code coupleId} when the caller is the clinician assigned to it in their own clinic,
   * and audits the read as {@code action} before answering. Anyone else, a clinic admin included,
   * gets the same 404 as for a couple that does not exist.
   */
  public Mono<AssignedCouple> assignedToCaller(Caller caller, UUID coupleId, String action) {
    if (!caller.has(Caller.CLINICIAN) || caller.clinicId().isEmpty()) {
      return Mono.error(new NotFoundException("There is nothing here for you."));
    }
    UUID clinicId = caller.clinicId().get();
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
        .bind("clinicianId", caller.subject())
        .map(row -> java.util.Optional.ofNullable(row.get("partner_id", UUID.class))
            .map(id -> new AssignedCouple.Member(id, Boolean.TRUE.equals(row.get("reflections_visible_to_clinician", Boolean.class)))))
        .all()
        .collectList()
        .filter(rows -> !rows.isEmpty())
        .switchIfEmpty(Mono.error(() -> new NotFoundException("There is no couple here with that id among yours.")))
        .map(rows -> new AssignedCouple(coupleId, clinicId, rows.stream().flatMap(java.util.Optional::stream).toList()))
        .flatMap(couple -> audit.coupleDataRead(caller, clinicId, action, coupleId).thenReturn(couple));
  }

  /** The other partner of {@code partner}'s couple, once both have joined. */
  public Mono<Partner> otherPartnerOf(Partner partner) {
    return database
        .sql("select partner_id, time_zone from partner where couple_id = :coupleId and clinic_id = :clinicId and partner_id <> :partnerId")
        .bind("coupleId", partner.coupleId())
        .bind("clinicId", partner.clinicId())
        .bind("partnerId", partner.partnerId())
        .map(row -> new Partner(row.get("partner_id", UUID.class), partner.coupleId(), partner.clinicId(), partner.clinicianId(),
            ZoneId.of(row.get("time_zone", String.class))))
        .one();
  }
}
