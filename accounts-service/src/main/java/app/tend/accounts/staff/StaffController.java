package app.tend.accounts.staff;

import app.tend.accounts.platform.identity.Logins;
import app.tend.accounts.platform.identity.Logins.NewLogin;
import app.tend.accounts.platform.identity.PersonDetails;
import app.tend.accounts.platform.outbox.Transactions;
import app.tend.accounts.platform.security.Caller;
import app.tend.accounts.platform.security.CurrentCaller;
import app.tend.accounts.platform.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A clinic admin's clinicians, in their own clinic only. */
@RestController
@RequestMapping("/api/accounts/clinicians")
class StaffController {

  private final StaffDirectory staff;
  private final Logins logins;
  private final Transactions transactions;

  StaffController(StaffDirectory staff, Logins logins, Transactions transactions) {
    this.staff = staff;
    this.logins = logins;
    this.transactions = transactions;
  }

  /** Adds a clinician and creates their login. */
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Mono<StaffMember> add(@RequestBody PersonDetails person) {
    return clinicAdmin()
        .flatMap(
            admin -> {
              PersonDetails.refuseUnless(person.problems("clinician"));
              var valid = person.normalised();
              var clinicId = admin.clinicId().orElseThrow();
              return logins
                  .create(new NewLogin(valid.email(), valid.firstName(), valid.lastName(), clinicId, Caller.CLINICIAN))
                  .flatMap(id -> transactions.run(() -> staff.add(id, clinicId, valid, Caller.CLINICIAN))
                      .onErrorResume(e -> logins.delete(id).then(Mono.error(e)))
                      .then(staff.find(clinicId, id)));
            });
  }

  @GetMapping
  Flux<StaffMember> clinicians() {
    return CurrentCaller.get()
        .filter(caller -> (caller.has(Caller.CLINIC_ADMIN) || caller.has(Caller.CLINICIAN)) && caller.clinicId().isPresent())
        .switchIfEmpty(Mono.error(new NotFoundException("There is nothing here for you.")))
        .flatMapMany(caller -> staff.clinicians(caller.clinicId().get()));
  }

  private static Mono<Caller> clinicAdmin() {
    return CurrentCaller.get()
        .filter(caller -> caller.has(Caller.CLINIC_ADMIN) && caller.clinicId().isPresent())
        .switchIfEmpty(Mono.error(new NotFoundException("There is nothing here for you.")));
  }
}
