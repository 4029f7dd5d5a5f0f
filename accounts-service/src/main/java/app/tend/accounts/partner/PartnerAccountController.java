package app.tend.accounts.partner;

import app.tend.platform.security.CurrentCaller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A partner's own account: settings, consent, their data to download, and erasure. There is no way
 * to reach anyone else's.
 */
@RestController
@RequestMapping("/api/accounts/me")
class PartnerAccountController {

  private final PartnerSettingsService settings;
  private final PartnerErasure erasure;

  PartnerAccountController(PartnerSettingsService settings, PartnerErasure erasure) {
    this.settings = settings;
    this.erasure = erasure;
  }

  /** accounts-service's part of "download all my data"; web-ui joins it with the other services' parts. */
  @GetMapping("/export")
  Mono<PartnerAccountExport> export() {
    return CurrentCaller.get().flatMap(settings::export);
  }

  /** Erases the caller's account here, in Keycloak, and (through {@code PartnerErased}) everywhere else. */
  @PostMapping("/erasure")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  Mono<Void> erase(@RequestBody EraseAccountRequest request) {
    return CurrentCaller.get().flatMap(caller -> erasure.erase(caller, request));
  }

  @GetMapping("/settings")
  Mono<PartnerSettings> read() {
    return CurrentCaller.get().flatMap(settings::get);
  }

  /** Replaces profile, day and notification choices; answers the settings as now stored. */
  @PutMapping("/settings")
  Mono<PartnerSettings> change(@RequestBody ChangeSettingsRequest request) {
    return CurrentCaller.get().flatMap(caller -> settings.change(caller, request));
  }

  /** The caller's clinic's crisis contacts, shown quietly on the partner's pages. */
  @GetMapping("/support")
  Mono<PartnerSupport> support() {
    return CurrentCaller.get().flatMap(settings::support);
  }

  /** Changes what the clinician may see; takes effect in every service through {@code ConsentChanged}. */
  @PutMapping("/consent")
  Mono<PartnerSettings> consent(@RequestBody ChangeConsentRequest request) {
    return CurrentCaller.get().flatMap(caller -> settings.changeConsent(caller, request));
  }
}
