package app.tend.checkins.outcome;

import app.tend.platform.security.CurrentCaller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The clinic's de-identified outcomes, for its clinic admin; 404 for anyone else. */
@RestController
class OutcomesController {

  private final Outcomes outcomes;

  OutcomesController(Outcomes outcomes) {
    this.outcomes = outcomes;
  }

  @GetMapping("/api/checkins/outcomes")
  Mono<ClinicOutcomes> outcomes() {
    return CurrentCaller.get().flatMap(outcomes::of);
  }
}
