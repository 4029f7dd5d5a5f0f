package app.tend.accounts.staff;

import app.tend.accounts.identity.Logins;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends each new clinician and clinic admin Keycloak's "choose your password" e-mail, retrying with
 * growing pauses until Keycloak has sent it: a login is useless to someone who never hears of it.
 * A row is claimed for a while first, so two instances do not both send.
 */
@Component
class StaffWelcome {

  private static final Logger log = LoggerFactory.getLogger(StaffWelcome.class);

  private final DatabaseClient database;
  private final Logins logins;
  private final String webClientId;
  private final String webUrl;

  StaffWelcome(DatabaseClient database, Logins logins, @Value("${tend.staff.web-client-id}") String webClientId,
      @Value("${tend.staff.web-url}") String webUrl) {
    this.database = database;
    this.logins = logins;
    this.webClientId = webClientId;
    this.webUrl = webUrl;
  }

  @Scheduled(fixedDelayString = "${tend.staff.welcome-poll-interval:2s}")
  void sendDue() {
    var due = database
        .sql(
            """
            update staff set welcome_attempts = welcome_attempts + 1, welcome_next_attempt_at = now() + interval '2 minutes'
            where id in (select id from staff where welcome_sent_at is null and active and welcome_next_attempt_at <= now()
                           and clinic_id in (select id from clinic where active)
                         order by welcome_next_attempt_at limit 20 for update skip locked)
            returning id, welcome_attempts
            """)
        .map(row -> new Due(row.get("id", UUID.class), row.get("welcome_attempts", Integer.class)))
        .all()
        .collectList()
        .block(Duration.ofSeconds(30));
    for (Due staff : due) {
      try {
        logins.sendSetPasswordEmail(staff.id(), webClientId, webUrl).block(Duration.ofSeconds(30));
        database.sql("update staff set welcome_sent_at = now(), welcome_last_error = null where id = :id").bind("id", staff.id())
            .then().block(Duration.ofSeconds(30));
      } catch (RuntimeException e) {
        log.warn("set-password e-mail for staff {} not sent (attempt {}): {}", staff.id(), staff.attempts(), e.getClass().getName());
        long pause = Math.min(30 * 60, 10L << Math.min(staff.attempts(), 10));
        database.sql("update staff set welcome_last_error = :error, welcome_next_attempt_at = now() + make_interval(secs => :pause) where id = :id")
            .bind("error", e.getClass().getSimpleName())
            .bind("pause", pause)
            .bind("id", staff.id())
            .then()
            .block(Duration.ofSeconds(30));
      }
    }
  }

  private record Due(UUID id, int attempts) {}
}
