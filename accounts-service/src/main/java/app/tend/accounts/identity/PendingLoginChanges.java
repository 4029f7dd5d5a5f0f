package app.tend.accounts.identity;

import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
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

  private final DatabaseClient database;
  private final Logins logins;

  PendingLoginChanges(DatabaseClient database, Logins logins) {
    this.database = database;
    this.logins = logins;
  }

  /** Notes the change; must run inside the transaction of the change that requires it. */
  public Mono<Void> note(UUID loginId, Action action) {
    return database.sql("insert into login_change (login_id, action) values (:id, :action) on conflict do nothing")
        .bind("id", loginId)
        .bind("action", action.name())
        .then();
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
    database.sql("update login_change set attempts = attempts + 1 returning login_id, action")
        .map(row -> new Object[] {row.get("login_id", UUID.class), Action.valueOf(row.get("action", String.class))})
        .all()
        .concatMap(change -> carryOut((UUID) change[0], (Action) change[1])
            .onErrorResume(e -> record((UUID) change[0], (Action) change[1], e)))
        .then()
        .block(Duration.ofMinutes(5));
  }

  private Mono<Void> carryOut(UUID loginId, Action action) {
    Mono<Void> change = switch (action) {
      case DELETE -> logins.delete(loginId);
      case DISABLE -> logins.setEnabled(loginId, false);
    };
    return change.then(database.sql("delete from login_change where login_id = :id and action = :action")
        .bind("id", loginId)
        .bind("action", action.name())
        .then());
  }

  private Mono<Void> record(UUID loginId, Action action, Throwable e) {
    return database.sql("update login_change set last_error = :error where login_id = :id and action = :action")
        .bind("error", e.getClass().getSimpleName())
        .bind("id", loginId)
        .bind("action", action.name())
        .then();
  }
}
