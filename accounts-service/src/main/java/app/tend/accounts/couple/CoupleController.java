package app.tend.accounts.couple;

import app.tend.platform.security.CurrentCaller;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Couples, for their clinic's clinicians and admins. */
@RestController
@RequestMapping("/api/accounts/couples")
class CoupleController {

  private final CoupleService couples;

  CoupleController(CoupleService couples) {
    this.couples = couples;
  }

  /**
   * Enrols a couple and invites both partners: 201 with the couple; 200 with the same couple when
   * the request repeats an enrolment that was already made (a retry).
   */
  @PostMapping
  Mono<ResponseEntity<CoupleView>> enrol(@RequestBody EnrolCoupleRequest request) {
    return CurrentCaller.get().flatMap(caller -> couples.enrol(caller, request))
        .map(enrolled -> ResponseEntity.status(enrolled.isNew() ? HttpStatus.CREATED : HttpStatus.OK).body(enrolled.couple()));
  }

  @GetMapping
  Flux<CoupleView> list() {
    return CurrentCaller.get().flatMapMany(couples::list);
  }

  /** A clinic admin gives the couple another clinician of the clinic. */
  @PutMapping("/{id}/clinician")
  Mono<CoupleView> assignClinician(@PathVariable UUID id, @RequestBody AssignClinicianRequest request) {
    return CurrentCaller.get().flatMap(caller -> couples.assignClinician(caller, id, request));
  }
}
