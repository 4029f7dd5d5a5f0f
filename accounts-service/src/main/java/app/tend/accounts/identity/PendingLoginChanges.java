package app.tend.accounts.identity;

import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Login changes in Keycloak that follow from a change stored here: noted in the same transaction
 * as that change, tried at once after it, and retried in the background until Keycloak confirms.
 * Keycloak being down then delays the login change; it never loses it.
 */
@Component
public class PendingLoginChanges {

  private static final Logger log = LoggerFactory.getLogger(PendingLoginChanges.class);

  /** What must happen to a login. */
  public enum Action { DELETE, DISABLE }

  private final LoginChangeRows changes;
  private final Logins logins;

  PendingLoginChanges(LoginChangeRows changes, Logins logins) {
    this.changes = changes;
    this.logins = logins;
  }

  /** Notes the change; must run inside the transaction of the change that requires it. */
  public Mono<Void> note(UUID loginId, Action action) {
    return changes.note(loginId, action);
  }

  /** Tries the noted changes of these logins now; what fails stays noted for the background retry. */
  public Mono<Void> tryNow(UUID loginId, Action action) {
    return carryOut(loginId, action).onErrorResume(e -> Mono.just(e)
        // Logged in handle, where the request's trace and request ids are on the thread.
        .handle((failure, nothing) ->
            log.warn("login change {} not done yet ({}); retrying in the background", action, failure.getClass().getName()))
        .then(record(loginId, action, e)));
  }

  @Scheduled(fixedDelayString = "${tend.login-changes.retry-interval:30s}")
  void retry() {
    changes.attemptAll()
        .concatMap(change -> carryOut(change.loginId(), change.action())
            .onErrorResume(e -> record(change.loginId(), change.action(), e)))
        .then()
        .block(Duration.ofMinutes(5));
  }

  private Mono<Void> carryOut(UUID loginId, Action action) {
    Mono<Void> change = switch (action) {
      case DELETE -> logins.delete(loginId);
      case DISABLE -> logins.setEnabled(loginId, false);
    };
    return change.then(changes.done(loginId, action));
  }

  private Mono<Void> record(UUID loginId, Action action, Throwable e) {
    return changes.failed(loginId, action, e.getClass().getSimpleName());
  }
}
