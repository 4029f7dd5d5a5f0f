package app.tend.checkins.measure;

import app.tend.platform.security.CurrentCaller;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The partner's relationship measure. */
@RestController
@RequestMapping("/api/checkins/measures")
class MeasureController {

  private final MeasureService measures;

  MeasureController(MeasureService measures) {
    this.measures = measures;
  }

  /** The measure the caller's clinic asks, whether it is due, and the caller's own scores. */
  @GetMapping("/current")
  Mono<MeasureView> current() {
    return CurrentCaller.get().flatMap(measures::status);
  }

  /** The caller's own responses as FHIR R4: a collection Bundle of the Questionnaire and each QuestionnaireResponse. */
  @GetMapping(value = "/mine/fhir", produces = FHIR_JSON)
  Mono<String> mineAsFhir() {
    return CurrentCaller.get().flatMap(measures::fhir);
  }

  /** A partner's responses as FHIR R4, for the couple's assigned clinician only; audited. */
  @GetMapping(value = "/couples/{coupleId}/partners/{partnerId}/fhir", produces = FHIR_JSON)
  Mono<String> partnersAsFhir(@PathVariable UUID coupleId, @PathVariable UUID partnerId) {
    return CurrentCaller.get().flatMap(caller -> measures.fhirForClinician(caller, coupleId, partnerId));
  }

  /** Both partners' scores beside the measure's cut-off, for the couple's assigned clinician only; audited. */
  @GetMapping("/couples/{coupleId}/history")
  Mono<CoupleScores> coupleHistory(@PathVariable UUID coupleId) {
    return CurrentCaller.get().flatMap(caller -> measures.coupleHistory(caller, coupleId));
  }

  static final String FHIR_JSON = "application/fhir+json";

  record Response(Map<String, Integer> answers) {}

  /** Answers the measure when it is due: every item, one of its options each. */
  @PostMapping("/{measureId}/responses")
  @ResponseStatus(HttpStatus.CREATED)
  Mono<MeasureView> respond(@PathVariable String measureId, @RequestBody Response response) {
    return CurrentCaller.get().flatMap(caller -> measures.respond(caller, measureId, response.answers()));
  }
}
