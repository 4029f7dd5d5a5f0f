package app.tend.accounts.couple;

import app.tend.accounts.platform.security.CurrentCaller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
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

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Mono<CoupleView> enrol(@RequestBody EnrolCoupleRequest request) {
    return CurrentCaller.get().flatMap(caller -> couples.enrol(caller, request));
  }

  @GetMapping
  Flux<CoupleView> list() {
    return CurrentCaller.get().flatMapMany(couples::list);
  }
}
