package app.tend.checkins.safety;

import app.tend.platform.security.CurrentCaller;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Raising "I don't feel safe", and the couple's flags for their clinician. */
@RestController
@RequestMapping("/api/checkins")
class SafetyController {

  private final SafetyConcerns concerns;

  SafetyController(SafetyConcerns concerns) {
    this.concerns = concerns;
  }

  /**
   * Raises a safety concern for the calling partner. Always 202 with no body: the answer says
   * nothing that could show on a screen or in a browser's history beyond "saved".
   */
  @PostMapping("/me/safety-concerns")
  Mono<ResponseEntity<Void>> raise() {
    return CurrentCaller.get().flatMap(concerns::raise).thenReturn(ResponseEntity.accepted().build());
  }

  /** The calling clinician's couples that have safety flags, latest first. */
  @GetMapping("/caseload/safety-flags")
  Flux<CoupleSafety> onCaseload() {
    return CurrentCaller.get().flatMapMany(concerns::onCaseload);
  }

  record Note(String note) {}

  /** The assigned clinician acknowledges an open flag, with a note of what they did. */
  @PostMapping("/couples/{coupleId}/safety-flags/{flagId}/acknowledgement")
  Mono<SafetyFlagView> acknowledge(@PathVariable UUID coupleId, @PathVariable UUID flagId, @RequestBody Note note) {
    return CurrentCaller.get().flatMap(caller -> concerns.acknowledge(caller, coupleId, flagId, note.note()));
  }

  /** The assigned clinician resolves an acknowledged flag, with a note; its history stays. */
  @PostMapping("/couples/{coupleId}/safety-flags/{flagId}/resolution")
  Mono<SafetyFlagView> resolve(@PathVariable UUID coupleId, @PathVariable UUID flagId, @RequestBody Note note) {
    return CurrentCaller.get().flatMap(caller -> concerns.resolve(caller, coupleId, flagId, note.note()));
  }

  /** The couple's safety flags, newest first; the assigned clinician only. */
  @GetMapping("/couples/{coupleId}/safety-flags")
  Flux<SafetyFlagView> flags(@PathVariable UUID coupleId) {
    return CurrentCaller.get().flatMapMany(caller -> concerns.flagsOf(caller, coupleId));
  }
}
