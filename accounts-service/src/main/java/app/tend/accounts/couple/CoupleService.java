package app.tend.accounts.couple;

import app.tend.accounts.couple.CoupleView.PartnerView;
import app.tend.accounts.couple.EnrolCoupleRequest.NewPartner;
import app.tend.accounts.platform.audit.AuditLog;
import app.tend.accounts.platform.identity.Logins;
import app.tend.accounts.platform.identity.Logins.NewLogin;
import app.tend.accounts.platform.identity.PersonDetails;
import app.tend.accounts.platform.outbox.Outbox;
import app.tend.accounts.platform.outbox.Transactions;
import app.tend.accounts.platform.security.Caller;
import app.tend.accounts.platform.web.NotFoundException;
import app.tend.accounts.staff.StaffDirectory;
import app.tend.contracts.accounts.CoupleEnrolled;
import app.tend.contracts.accounts.CoupleEnrolled.EnrolledPartner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Enrols couples and lists them, always within the caller's clinic. */
@Service
public class CoupleService {

  private final DatabaseClient database;
  private final StaffDirectory staff;
  private final Logins logins;
  private final Outbox outbox;
  private final Transactions transactions;
  private final AuditLog audit;

  CoupleService(
      DatabaseClient database, StaffDirectory staff, Logins logins, Outbox outbox, Transactions transactions, AuditLog audit) {
    this.audit = audit;
    this.database = database;
    this.staff = staff;
    this.logins = logins;
    this.outbox = outbox;
    this.transactions = transactions;
  }

  /**
   * Enrols a couple: a login for each partner, the couple and the partners, and
   * {@code CoupleEnrolled} for the other services, which keep their own projection from it. A
   * clinician enrols into their own caseload; a clinic admin names the clinician.
   */
  public Mono<CoupleView> enrol(Caller caller, EnrolCoupleRequest request) {
    if (caller.clinicId().isEmpty() || !(caller.has(Caller.CLINICIAN) || caller.has(Caller.CLINIC_ADMIN))) {
      return Mono.error(new NotFoundException("There is nothing here for you."));
    }
    UUID clinicId = caller.clinicId().get();
    UUID clinicianId = request.clinicianId() == null && caller.has(Caller.CLINICIAN) ? caller.subject() : request.clinicianId();
    return Mono.fromRunnable(() -> validate(request, clinicianId))
        .then(staff.find(clinicId, clinicianId))
        .filter(clinician -> clinician.active() && Caller.CLINICIAN.equals(clinician.role()))
        .switchIfEmpty(Mono.error(new NotFoundException("That clinician is not at your clinic.")))
        .filter(clinician -> caller.has(Caller.CLINIC_ADMIN) || clinician.id().equals(caller.subject()))
        .switchIfEmpty(Mono.error(new NotFoundException("A clinician enrols couples into their own caseload only.")))
        .flatMap(clinician -> createLogins(clinicId, request.partners()))
        .flatMap(partnerIds -> store(clinicId, clinicianId, request.partners(), partnerIds)
            .onErrorResume(e -> Flux.fromIterable(partnerIds).concatMap(logins::delete).then(Mono.error(e))));
  }

  /**
   * The couples the caller may see: a clinician their own caseload, a clinic admin the clinic's.
   * Each couple returned is recorded in the audit log first.
   */
  public Flux<CoupleView> list(Caller caller) {
    if (caller.clinicId().isEmpty() || !(caller.has(Caller.CLINICIAN) || caller.has(Caller.CLINIC_ADMIN))) {
      return Flux.error(new NotFoundException("There is nothing here for you."));
    }
    boolean wholeClinic = caller.has(Caller.CLINIC_ADMIN);
    return database
        .sql(
            """
            select c.id, c.clinic_id, c.clinician_id, p.id as partner_id, p.email, p.first_name, p.last_name, p.time_zone
            from couple c join partner p on p.couple_id = c.id
            where c.clinic_id = :clinicId and (:wholeClinic or c.clinician_id = :caller)
            order by c.created_at, c.id, p.created_at, p.id
            """)
        .bind("clinicId", caller.clinicId().get())
        .bind("wholeClinic", wholeClinic)
        .bind("caller", caller.subject())
        .map(row -> Map.entry(
            new CoupleView(row.get("id", UUID.class), row.get("clinic_id", UUID.class), row.get("clinician_id", UUID.class), List.of()),
            new PartnerView(row.get("partner_id", UUID.class), row.get("email", String.class), row.get("first_name", String.class),
                row.get("last_name", String.class), row.get("time_zone", String.class))))
        .all()
        .bufferUntilChanged(entry -> entry.getKey().id())
        .map(rows -> {
          var couple = rows.getFirst().getKey();
          return new CoupleView(couple.id(), couple.clinicId(), couple.clinicianId(), rows.stream().map(Map.Entry::getValue).toList());
        })
        .collectList()
        .flatMapMany(couples -> audit.coupleDataRead(caller, "couples.list", couples.stream().map(CoupleView::id).toList())
            .thenMany(Flux.fromIterable(couples)));
  }

  private static void validate(EnrolCoupleRequest request, UUID clinicianId) {
    List<String> problems = new ArrayList<>();
    if (clinicianId == null) {
      problems.add("clinicianId is missing");
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

  private Mono<List<UUID>> createLogins(UUID clinicId, List<NewPartner> partners) {
    List<UUID> created = new ArrayList<>();
    return Flux.fromIterable(partners)
        .concatMap(partner -> {
          var person = partner.person().normalised();
          return logins.create(new NewLogin(person.email(), person.firstName(), person.lastName(), clinicId, Caller.PARTNER))
              .doOnNext(created::add);
        })
        .collectList()
        // The first login must not outlive a failure to create the second.
        .onErrorResume(e -> Flux.fromIterable(created).concatMap(logins::delete).then(Mono.error(e)));
  }

  private Mono<CoupleView> store(UUID clinicId, UUID clinicianId, List<NewPartner> partners, List<UUID> partnerIds) {
    UUID coupleId = UUID.randomUUID();
    Map<UUID, NewPartner> byId = new HashMap<>();
    for (int i = 0; i < partners.size(); i++) {
      byId.put(partnerIds.get(i), partners.get(i));
    }
    return transactions.run(
        () ->
            database.sql("insert into couple (id, clinic_id, clinician_id) values (:id, :clinicId, :clinicianId)")
                .bind("id", coupleId)
                .bind("clinicId", clinicId)
                .bind("clinicianId", clinicianId)
                .then()
                .thenMany(Flux.fromIterable(partnerIds).concatMap(id -> insertPartner(id, coupleId, clinicId, byId.get(id))))
                .then(outbox.append(
                    new CoupleEnrolled(coupleId, clinicId, clinicianId,
                        partnerIds.stream().map(id -> new EnrolledPartner(id, byId.get(id).timeZone())).toList()),
                    clinicId, coupleId))
                .thenReturn(new CoupleView(coupleId, clinicId, clinicianId, partnerIds.stream().map(id -> {
                  var person = byId.get(id).person().normalised();
                  return new PartnerView(id, person.email(), person.firstName(), person.lastName(), byId.get(id).timeZone());
                }).toList())));
  }

  private Mono<Void> insertPartner(UUID id, UUID coupleId, UUID clinicId, NewPartner partner) {
    var person = partner.person().normalised();
    return database
        .sql(
            """
            insert into partner (id, couple_id, clinic_id, email, first_name, last_name, time_zone)
            values (:id, :coupleId, :clinicId, :email, :first, :last, :zone)
            """)
        .bind("id", id)
        .bind("coupleId", coupleId)
        .bind("clinicId", clinicId)
        .bind("email", person.email())
        .bind("first", person.firstName())
        .bind("last", person.lastName())
        .bind("zone", partner.timeZone())
        .then();
  }
}
