package app.tend.accounts.staff;

import app.tend.accounts.identity.Logins.NewLogin;
import app.tend.accounts.identity.Logins;
import app.tend.accounts.identity.PersonDetails;
import app.tend.contracts.accounts.ClinicianAdded;
import app.tend.contracts.accounts.ClinicianDeactivated;
import app.tend.platform.outbox.Outbox;
import app.tend.platform.outbox.Transactions;
import app.tend.platform.security.Caller;
import app.tend.platform.web.ConflictException;
import app.tend.platform.web.NotFoundException;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A clinic admin's clinicians: added with a login, renamed, deactivated. Keycloak is asked first
 * each time (it may not answer: then nothing changes), and undone if storing the change then fails.
 */
@Service
public class ClinicianService {

  private final StaffDirectory staff;
  private final Logins logins;
  private final Outbox outbox;
  private final Transactions transactions;

  ClinicianService(StaffDirectory staff, Logins logins, Outbox outbox, Transactions transactions) {
    this.staff = staff;
    this.logins = logins;
    this.outbox = outbox;
    this.transactions = transactions;
  }

  public Mono<StaffMember> add(Caller caller, PersonDetails person) {
    return caller.clinicAs(Caller.CLINIC_ADMIN).flatMap(clinicId -> {
      PersonDetails.refuseUnless(person == null ? List.of("the clinician is missing") : person.problems("clinician"));
      var valid = person.normalised();
      return logins
          .create(new NewLogin(valid.email(), valid.firstName(), valid.lastName(), clinicId, Caller.CLINICIAN))
          .flatMap(id -> transactions.run(() -> staff.add(id, clinicId, valid, Caller.CLINICIAN)
                  .then(outbox.append(new ClinicianAdded(clinicId, id), clinicId, clinicId)))
              .onErrorResume(e -> logins.delete(id).then(Mono.error(e)))
              .then(staff.find(clinicId, id)));
    });
  }

  public Mono<StaffMember> rename(Caller caller, UUID clinicianId, RenameRequest request) {
    return clinicianOf(caller, clinicianId).flatMap(before -> {
      PersonDetails.refuseUnless(request == null ? List.of("the name is missing")
          : PersonDetails.nameProblems(request.firstName(), request.lastName(), "clinician"));
      String first = request.firstName().strip();
      String last = request.lastName().strip();
      return logins.rename(clinicianId, first, last)
          .then(staff.rename(before.clinicId(), clinicianId, first, last)
              .onErrorResume(e -> logins.rename(clinicianId, before.firstName(), before.lastName()).then(Mono.error(e))))
          .then(staff.find(before.clinicId(), clinicianId));
    });
  }

  /**
   * Stops a clinician from signing in. Refused while couples are still assigned to them: those are
   * reassigned first, so no couple is ever left without a clinician.
   */
  public Mono<StaffMember> deactivate(Caller caller, UUID clinicianId) {
    return clinicianOf(caller, clinicianId).flatMap(clinician -> staff.couplesOf(clinician.clinicId(), clinicianId)
        .flatMap(couples -> {
          if (couples > 0) {
            return Mono.error(new ConflictException(clinician.firstName() + " still works with " + couples
                + (couples == 1 ? " couple" : " couples") + ". Please assign them to another clinician first."));
          }
          if (!clinician.active()) {
            return Mono.just(clinician);
          }
          return logins.setEnabled(clinicianId, false)
              .then(transactions.run(() -> staff.deactivate(clinician.clinicId(), clinicianId)
                      .then(outbox.append(new ClinicianDeactivated(clinician.clinicId(), clinicianId), clinician.clinicId(), clinician.clinicId())))
                  .onErrorResume(e -> logins.setEnabled(clinicianId, true).then(Mono.error(e))))
              .then(staff.find(clinician.clinicId(), clinicianId));
        }));
  }

  /** The new name of a clinician. */
  public record RenameRequest(String firstName, String lastName) {}

  private Mono<StaffMember> clinicianOf(Caller caller, UUID clinicianId) {
    return caller.clinicAs(Caller.CLINIC_ADMIN)
        .flatMap(clinicId -> staff.find(clinicId, clinicianId))
        .filter(member -> Caller.CLINICIAN.equals(member.role()))
        .switchIfEmpty(Mono.error(() -> new NotFoundException("There is no such clinician at your clinic.")));
  }
}
