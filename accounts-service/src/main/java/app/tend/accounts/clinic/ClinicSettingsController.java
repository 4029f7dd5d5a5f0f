package app.tend.accounts.clinic;

import app.tend.platform.security.CurrentCaller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The caller's own clinic's settings, for its clinic admin. */
@RestController
@RequestMapping("/api/accounts/clinic/settings")
class ClinicSettingsController {

  private final ClinicSettingsService settings;

  ClinicSettingsController(ClinicSettingsService settings) {
    this.settings = settings;
  }

  @GetMapping
  Mono<ClinicSettings> read() {
    return CurrentCaller.get().flatMap(settings::get);
  }

  /** Replaces the settings; answers them as stored. */
  @PutMapping
  Mono<ClinicSettings> change(@RequestBody ClinicSettings changed) {
    return CurrentCaller.get().flatMap(caller -> settings.change(caller, changed));
  }
}
