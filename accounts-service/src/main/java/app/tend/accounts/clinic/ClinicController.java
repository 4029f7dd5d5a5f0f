package app.tend.accounts.clinic;

import app.tend.platform.security.CurrentCaller;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Clinics, for platform admins. */
@RestController
@RequestMapping("/api/accounts/clinics")
class ClinicController {

  private final ClinicService clinics;

  ClinicController(ClinicService clinics) {
    this.clinics = clinics;
  }

  /** Creates a clinic and the login of its first clinic admin. */
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Mono<CreatedClinic> create(@RequestBody CreateClinicRequest request) {
    return CurrentCaller.get().flatMap(caller -> clinics.create(caller, request));
  }

  /** Stops a clinic from using Tend: nobody of it can sign in; its data stays. */
  @PostMapping("/{id}/deactivation")
  Mono<ClinicView> deactivate(@PathVariable UUID id) {
    return CurrentCaller.get().flatMap(caller -> clinics.deactivate(caller, id));
  }

  @GetMapping
  Flux<ClinicView> list() {
    return CurrentCaller.get().flatMapMany(clinics::list);
  }
}
