package app.tend.platform.audit;

import app.tend.platform.security.CurrentCaller;
import java.time.Instant;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The audit log of reads of couples' data, for the clinic admin of that clinic; 404 for anyone else.
 * Answered at {@code tend.audit.search-path}, e.g. {@code /api/accounts/audit}.
 */
@RestController
public class AuditController {

  private final AuditTrail trail;

  AuditController(AuditTrail trail) {
    this.trail = trail;
  }

  @GetMapping("${tend.audit.search-path}")
  Mono<AuditTrail.Page> search(
      @RequestParam(required = false) UUID actor, @RequestParam(required = false) UUID couple,
      @RequestParam(required = false) Instant since, @RequestParam(required = false) Instant until,
      @RequestParam(required = false) Long before, @RequestParam(required = false) Integer limit) {
    return CurrentCaller.get().flatMap(caller -> trail.search(caller, new AuditTrail.Search(actor, couple, since, until, before, limit)));
  }
}
