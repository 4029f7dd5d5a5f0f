package app.tend.accounts.me;

import app.tend.platform.security.Caller;
import app.tend.platform.security.CurrentCaller;
import java.util.Set;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The caller's own account. */
@RestController
class MeController {

  private final Names names;

  MeController(Names names) {
    this.names = names;
  }

  @GetMapping("/api/accounts/me")
  Mono<MeView> me() {
    return CurrentCaller.get().flatMap(this::describe);
  }

  private Mono<MeView> describe(Caller caller) {
    UUID clinicId = caller.clinicId().orElse(null);
    Set<String> roles = caller.roles().stream()
        .filter(Set.of(Caller.PARTNER, Caller.CLINICIAN, Caller.CLINIC_ADMIN, Caller.PLATFORM_ADMIN)::contains)
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
    var nameless = new MeView(caller.subject(), roles, clinicId, null, null, null);
    if (clinicId == null) {
      return Mono.just(nameless);
    }
    if (caller.has(Caller.PARTNER)) {
      return names.ofPartner(caller.subject(), clinicId)
          .map(partner -> new MeView(caller.subject(), roles, clinicId, partner.firstName(), partner.coupleId(), partner.partnerFirstName()))
          .defaultIfEmpty(nameless);
    }
    return names.ofStaff(caller.subject(), clinicId)
        .map(firstName -> new MeView(caller.subject(), roles, clinicId, firstName, null, null))
        .defaultIfEmpty(nameless);
  }
}
