package app.tend.accounts.identity;

import app.tend.accounts.identity.PendingLoginChanges.Action;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The login changes noted and not yet confirmed by Keycloak, one per login and action. */
@Repository
class LoginChangeRows {

  private final DatabaseClient database;

  LoginChangeRows(DatabaseClient database) {
    this.database = database;
  }

  record Change(UUID loginId, Action action) {}

  Mono<Void> note(UUID loginId, Action action) {
    return database.sql("insert into login_change (login_id, action) values (:id, :action) on conflict do nothing")
        .bind("id", loginId)
        .bind("action", action.name())
        .then();
  }

  /** Every change still noted, each with one more attempt counted. */
  Flux<Change> attemptAll() {
    return database.sql("update login_change set attempts = attempts + 1 returning login_id, action")
        .map(row -> new Change(row.get("login_id", UUID.class), Action.valueOf(row.get("action", String.class))))
        .all();
  }

  Mono<Void> done(UUID loginId, Action action) {
    return database.sql("delete from login_change where login_id = :id and action = :action")
        .bind("id", loginId)
        .bind("action", action.name())
        .then();
  }

  Mono<Void> failed(UUID loginId, Action action, String error) {
    return database.sql("update login_change set last_error = :error where login_id = :id and action = :action")
        .bind("error", error)
        .bind("id", loginId)
        .bind("action", action.name())
        .then();
  }
}
