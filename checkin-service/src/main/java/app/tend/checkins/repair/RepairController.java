package app.tend.checkins.repair;

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

/**
 * Repairs after a breach, for the two partners of the couple. Each step answers the repair as it
 * now stands; a step out of order is refused (422) with what happens now.
 */
@RestController
@RequestMapping("/api/checkins")
class RepairController {

  private final RepairService repairs;

  RepairController(RepairService repairs) {
    this.repairs = repairs;
  }

  @GetMapping("/repairs")
  Flux<RepairView> list() {
    return CurrentCaller.get().flatMapMany(repairs::list);
  }

  /** The couple's repairs with every step, for its assigned clinician; 404 for anyone else. */
  @GetMapping("/couples/{coupleId}/repairs")
  Flux<CoupleRepairView> ofCouple(@PathVariable UUID coupleId) {
    return CurrentCaller.get().flatMapMany(caller -> repairs.forClinician(caller, coupleId));
  }

  @GetMapping("/repairs/{id}")
  Mono<RepairView> one(@PathVariable UUID id) {
    return CurrentCaller.get().flatMap(caller -> repairs.one(caller, id));
  }

  @PostMapping("/repairs")
  @ResponseStatus(HttpStatus.CREATED)
  Mono<RepairView> open(@RequestBody RepairRequests.Open request) {
    return CurrentCaller.get().flatMap(caller -> repairs.open(caller, request));
  }

  /** The hurt partner describes how it affected them. */
  @PostMapping("/repairs/{id}/impact")
  Mono<RepairView> impact(@PathVariable UUID id, @RequestBody RepairRequests.Words request) {
    return CurrentCaller.get().flatMap(caller -> repairs.describeImpact(caller, id, request));
  }

  /** The other partner acknowledges it and takes responsibility, in their own words. */
  @PostMapping("/repairs/{id}/acknowledgement")
  Mono<RepairView> acknowledgement(@PathVariable UUID id, @RequestBody RepairRequests.Words request) {
    return CurrentCaller.get().flatMap(caller -> repairs.acknowledge(caller, id, request));
  }

  /** The responsible partner proposes repair actions. */
  @PostMapping("/repairs/{id}/actions")
  Mono<RepairView> actions(@PathVariable UUID id, @RequestBody RepairRequests.Actions request) {
    return CurrentCaller.get().flatMap(caller -> repairs.proposeActions(caller, id, request));
  }

  /** The hurt partner agrees to the actions (they become commitments) or asks for a change. */
  @PostMapping("/repairs/{id}/agreement")
  Mono<RepairView> agreement(@PathVariable UUID id, @RequestBody RepairRequests.Agreement request) {
    return CurrentCaller.get().flatMap(caller -> repairs.answerActions(caller, id, request));
  }

  /** The caller says it feels repaired; once both have, it closes. */
  @PostMapping("/repairs/{id}/feels-repaired")
  Mono<RepairView> feelsRepaired(@PathVariable UUID id) {
    return CurrentCaller.get().flatMap(caller -> repairs.feelsRepaired(caller, id));
  }

  /** Brings the repair to the couple's next session, which tells their clinician. */
  @PostMapping("/repairs/{id}/session")
  Mono<RepairView> session(@PathVariable UUID id) {
    return CurrentCaller.get().flatMap(caller -> repairs.bringToSession(caller, id));
  }
}
