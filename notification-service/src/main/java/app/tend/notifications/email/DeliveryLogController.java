package app.tend.notifications.email;

import app.tend.platform.security.Caller;
import app.tend.platform.security.CurrentCaller;
import app.tend.platform.web.NotFoundException;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The delivery log for the platform's operators: how many notifications went out on each channel
 * and how, and the latest deliveries with every try. It shows kinds, states and times, never whom a
 * notification was for or what it said.
 */
@RestController
@RequestMapping("/api/notifications/deliveries")
class DeliveryLogController {

  private static final Set<String> STATES = Set.of("PENDING", "SENT", "SKIPPED", "FAILED");

  private final DeliveryLog deliveries;

  DeliveryLogController(DeliveryLog deliveries) {
    this.deliveries = deliveries;
  }

  /** Counts of the last 24 hours, and the latest 100 deliveries (of one state when asked). */
  @GetMapping
  Mono<DeliveryLog.Summary> log(@RequestParam(required = false) String state) {
    return CurrentCaller.get()
        .filter(caller -> caller.has(Caller.PLATFORM_ADMIN))
        .switchIfEmpty(Mono.error(() -> new NotFoundException("There is nothing here for you.")))
        .flatMap(caller -> {
          if (state != null && !STATES.contains(state)) {
            return Mono.error(new NotFoundException("There is no such delivery state."));
          }
          return deliveries.summary(state == null ? "" : state);
        });
  }
}
