package app.tend.checkins.caseload;

import app.tend.platform.security.CurrentCaller;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The calling clinician's caseload, attention first. Anyone else gets 404; every couple listed is audited. */
@RestController
class CaseloadController {

  private final Caseload caseload;

  CaseloadController(Caseload caseload) {
    this.caseload = caseload;
  }

  @GetMapping("/api/checkins/caseload")
  Mono<List<CaseloadCouple>> caseload() {
    return CurrentCaller.get().flatMap(caseload::of);
  }
}
