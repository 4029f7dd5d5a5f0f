package app.tend.accounts.couple;

import app.tend.accounts.couple.EnrolCoupleRequest.NewPartner;
import app.tend.accounts.identity.PersonDetails;
import app.tend.accounts.invitation.Invitations;
import app.tend.accounts.invitation.Invitee;
import app.tend.accounts.staff.StaffDirectory;
import app.tend.contracts.accounts.ClinicianAssigned;
import app.tend.contracts.accounts.CoupleEnrolled;
import app.tend.platform.audit.AuditLog;
import app.tend.platform.outbox.Outbox;
import app.tend.platform.outbox.Transactions;
import app.tend.platform.security.Caller;
import app.tend.platform.web.ConflictException;
import app.tend.platform.web.InvalidRequestException;
import app.tend.platform.web.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Enrols couples and lists them, always within the caller's clinic. */
@Service
public class CoupleService {

  private final Couples couples;
  private final StaffDirectory staff;
  private final Invitations invitations;
  private final Outbox outbox;
  private final Transactions transactions;
  private final AuditLog audit;

  CoupleService(
      Couples couples, StaffDirectory staff, Invitations invitations, Outbox outbox, Transactions transactions, AuditLog audit) {
    this.couples = couples;
    this.staff = staff;
    this.invitations = invitations;
    this.outbox = outbox;
    this.transactions = transactions;
    this.audit = audit;
  }

  /** The couple, and whether this request enrolled it or repeated an earlier enrolment. */
  public record Enrolment(CoupleView couple, boolean isNew) {}

  /**
   * Enrols a couple and invites both partners: the couple, two invitations and their events in one
   * transaction; the e-mails follow. Nobody gets a login before they accept. A clinician enrols
   * into their own caseload; a clinic admin names the clinician. Repeating the same enrolment
   * returns the couple made the first time.
   */
  public Mono<Enrolment> enrol(Caller caller, EnrolCoupleRequest request) {
    return caller.clinicAs(Caller.CLINICIAN, Caller.CLINIC_ADMIN).flatMap(clinicId -> enrol(caller, clinicId, request));
  }

  private Mono<Enrolment> enrol(Caller caller, UUID clinicId, EnrolCoupleRequest request) {
    UUID clinicianId = request.clinicianId() == null && caller.has(Caller.CLINICIAN) ? caller.subject() : request.clinicianId();
    return Mono.fromRunnable(() -> validate(request, clinicianId))
        .then(Mono.defer(() -> staff.find(clinicId, clinicianId)))
        .filter(clinician -> clinician.active() && Caller.CLINICIAN.equals(clinician.role()))
        .switchIfEmpty(Mono.error(() -> new NotFoundException("That clinician is not at your clinic.")))
        .filter(clinician -> caller.has(Caller.CLINIC_ADMIN) || clinician.id().equals(caller.subject()))
        .switchIfEmpty(Mono.error(() -> new NotFoundException("A clinician enrols couples into their own caseload only.")))
        .then(Mono.defer(() -> earlierEnrolment(clinicId, clinicianId, request.partners())))
        .map(couple -> new Enrolment(couple, false))
        .switchIfEmpty(Mono.defer(() -> store(caller, clinicId, clinicianId, request.partners()))
            .onErrorMap(DataIntegrityViolationException.class, e -> alreadyInvited()));
  }

  /**
   * The couple an identical earlier request made, if there is one; refuses addresses that belong
   * to somebody's login (Keycloak would refuse them when joining) or to another couple's invitation.
   */
  private Mono<CoupleView> earlierEnrolment(UUID clinicId, UUID clinicianId, List<NewPartner> partners) {
    List<String> emails = partners.stream().map(partner -> partner.person().normalisedEmail()).toList();
    Mono<CoupleView> unlessSomebodysLogin = couples.anyLogin(emails)
        .flatMap(taken -> !taken ? Mono.<CoupleView>empty() : Mono.error(alreadyInvited()));
    return invitations.couplesOf(clinicId, emails).collectList().flatMap(invited -> {
      if (invited.isEmpty()) {
        return unlessSomebodysLogin;
      }
      if (invited.size() > 1) {
        return Mono.error(alreadyInvited());
      }
      return couplesWithPeople(clinicId, List.of(invited.getFirst()))
          .next()
          .filter(couple -> couple.clinicianId().equals(clinicianId)
              && couple.partners().stream().map(Invitee::email).collect(Collectors.toSet()).equals(Set.copyOf(emails)))
          .switchIfEmpty(Mono.error(() -> alreadyInvited()));
    });
  }

  private static ConflictException alreadyInvited() {
    return new ConflictException("One of these people is already enrolled or invited. Find them in your couples and send a new invitation from there if needed.");
  }

  /**
   * The couples the caller may see: a clinician their own caseload, a clinic admin the clinic's.
   * Each couple returned is recorded in the audit log first.
   */
  public Flux<CoupleView> list(Caller caller) {
    return caller.clinicAs(Caller.CLINICIAN, Caller.CLINIC_ADMIN).flatMapMany(clinicId -> list(caller, clinicId));
  }

  private Flux<CoupleView> list(Caller caller, UUID clinicId) {
    return couples.ids(clinicId, caller.has(Caller.CLINIC_ADMIN), caller.subject())
        .flatMapMany(ids -> couplesWithPeople(clinicId, ids))
        .collectList()
        .flatMapMany(views -> audit.couplesDataRead(caller, caller.clinicId().orElseThrow(), "couples.list", views.stream().map(CoupleView::id).toList())
            .thenMany(Flux.fromIterable(views)));
  }

  private Flux<CoupleView> couplesWithPeople(UUID clinicId, List<UUID> coupleIds) {
    if (coupleIds.isEmpty()) {
      return Flux.empty();
    }
    Mono<Map<UUID, UUID>> clinicians = couples.cliniciansOf(clinicId, coupleIds);
    Mono<Map<UUID, List<Invitee>>> people = invitations.ofCouples(clinicId, coupleIds)
        .collect(LinkedHashMap::new, (byCouple, row) -> byCouple.computeIfAbsent(row.coupleId(), id -> new ArrayList<>()).add(row.invitee()));
    return Mono.zip(clinicians, people).flatMapMany(both -> Flux.fromIterable(coupleIds)
        .filter(both.getT1()::containsKey)
        .map(id -> new CoupleView(id, clinicId, both.getT1().get(id), both.getT2().getOrDefault(id, List.of()))));
  }

  private static void validate(EnrolCoupleRequest request, UUID clinicianId) {
    List<String> problems = new ArrayList<>();
    if (clinicianId == null) {
      problems.add("the clinician: choose who will work with this couple");
    }
    if (request.partners() == null || request.partners().size() != 2) {
      problems.add("partners must name exactly two people");
    } else {
      for (int i = 0; i < 2; i++) {
        NewPartner partner = request.partners().get(i);
        String who = "partner " + (i + 1);
        if (partner == null || partner.person() == null) {
          problems.add(who + " is missing");
          continue;
        }
        problems.addAll(partner.person().problems(who));
        PersonDetails.requireZone(partner.timeZone(), who, problems);
      }
      if (problems.isEmpty()
          && request.partners().get(0).person().normalisedEmail().equals(request.partners().get(1).person().normalisedEmail())) {
        problems.add("each partner needs an e-mail address of their own");
      }
    }
    PersonDetails.refuseUnless(problems);
  }

  private Mono<Enrolment> store(Caller caller, UUID clinicId, UUID clinicianId, List<NewPartner> partners) {
    UUID coupleId = UUID.randomUUID();
    return transactions.run(
            () ->
                couples.add(coupleId, clinicId, clinicianId)
                    .then(outbox.append(new CoupleEnrolled(coupleId, clinicId, clinicianId), clinicId, coupleId))
                    .thenMany(Flux.fromIterable(partners)
                        .concatMap(partner -> invitations.issue(clinicId, coupleId, caller.subject(), partner.person(), partner.timeZone())))
                    .then())
        .then(couplesWithPeople(clinicId, List.of(coupleId)).single())
        .map(couple -> new Enrolment(couple, true));
  }

  /**
   * Gives a couple another clinician of the same clinic; only a clinic admin may. The old
   * clinician no longer sees the couple, the new one does, in every service once the event arrives.
   */
  public Mono<CoupleView> assignClinician(Caller caller, UUID coupleId, AssignClinicianRequest request) {
    return caller.clinicAs(Caller.CLINIC_ADMIN).flatMap(clinicId -> request == null || request.clinicianId() == null
        ? Mono.error(new InvalidRequestException("Please check: the clinician: choose who will work with this couple."))
        : assignClinician(clinicId, coupleId, request.clinicianId())
            // The answer shows the couple's people: a staff read like any other, recorded first.
            .flatMap(couple -> audit.coupleDataRead(caller, caller.clinicId().orElseThrow(), "couples.assign", couple.id()).thenReturn(couple)));
  }

  private Mono<CoupleView> assignClinician(UUID clinicId, UUID coupleId, UUID clinicianId) {
    return staff.find(clinicId, clinicianId)
        .filter(clinician -> clinician.active() && Caller.CLINICIAN.equals(clinician.role()))
        .switchIfEmpty(Mono.error(() -> new NotFoundException("That clinician is not at your clinic.")))
        .flatMap(clinician -> transactions.run(() -> couples.assign(coupleId, clinicId, clinician.id())
            .flatMap(assigned -> assigned
                ? outbox.append(new ClinicianAssigned(coupleId, clinicId, clinician.id()), clinicId, coupleId).then()
                : Mono.error(new NotFoundException("There is no such couple at your clinic.")))))
        .then(couplesWithPeople(clinicId, List.of(coupleId)).single());
  }
}
