package app.tend.checkins.couple;

import app.tend.platform.audit.AuditLog;
import app.tend.platform.security.Caller;
import app.tend.platform.web.NotFoundException;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Who a caller is here, as a partner or as a couple's clinician, from the local projection of couples. */
@Component
public class Partners {

  private final CoupleProjection couples;
  private final AuditLog audit;

  Partners(CoupleProjection couples, AuditLog audit) {
    this.couples = couples;
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
    return couples.partner(partnerId);
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
    return couples.membersOf(coupleId, clinicId, caller.subject())
        .switchIfEmpty(Mono.error(() -> new NotFoundException("There is no couple here with that id among yours.")))
        .map(members -> new AssignedCouple(coupleId, clinicId, members))
        .flatMap(couple -> audit.coupleDataRead(caller, clinicId, action, coupleId).thenReturn(couple));
  }

  /** The other partner of {@code partner}'s couple, once both have joined. */
  public Mono<Partner> otherPartnerOf(Partner partner) {
    return couples.otherPartnerOf(partner);
  }
}
