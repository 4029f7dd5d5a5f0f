package app.tend.accounts.staff;

import app.tend.accounts.identity.PersonDetails;
import app.tend.platform.security.Caller;
import app.tend.platform.security.CurrentCaller;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A clinic admin's clinicians, in their own clinic only; clinicians may list their colleagues. */
@RestController
@RequestMapping("/api/accounts/clinicians")
class StaffController {

  private final StaffDirectory staff;
  private final ClinicianService clinicians;

  StaffController(StaffDirectory staff, ClinicianService clinicians) {
    this.staff = staff;
    this.clinicians = clinicians;
  }

  /** Adds a clinician and creates their login. */
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Mono<StaffMember> add(@RequestBody PersonDetails person) {
    return CurrentCaller.get().flatMap(caller -> clinicians.add(caller, person));
  }

  /** Changes a clinician's name, here and on their login. */
  @PutMapping("/{id}")
  Mono<StaffMember> rename(@PathVariable UUID id, @RequestBody ClinicianService.RenameRequest request) {
    return CurrentCaller.get().flatMap(caller -> clinicians.rename(caller, id, request));
  }

  /** Stops a clinician from signing in; 409 while couples are still assigned to them. */
  @PostMapping("/{id}/deactivation")
  Mono<StaffMember> deactivate(@PathVariable UUID id) {
    return CurrentCaller.get().flatMap(caller -> clinicians.deactivate(caller, id));
  }

  @GetMapping
  Flux<StaffMember> clinicians() {
    return CurrentCaller.get()
        .flatMap(caller -> caller.clinicAs(Caller.CLINIC_ADMIN, Caller.CLINICIAN))
        .flatMapMany(staff::clinicians);
  }
}
