package app.tend.accounts.staff;

import app.tend.accounts.identity.Logins;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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

  private final StaffDirectory staff;
  private final Logins logins;
  private final String webClientId;
  private final String webUrl;

  StaffWelcome(StaffDirectory staff, Logins logins, @Value("${tend.staff.web-client-id}") String webClientId,
      @Value("${tend.staff.web-url}") String webUrl) {
    this.staff = staff;
    this.logins = logins;
    this.webClientId = webClientId;
    this.webUrl = webUrl;
  }

  @Scheduled(fixedDelayString = "${tend.staff.welcome-poll-interval:2s}")
  void sendDue() {
    var due = staff.claimWelcomesDue().block(Duration.ofSeconds(30));
    for (var member : due) {
      try {
        logins.sendSetPasswordEmail(member.id(), webClientId, webUrl).block(Duration.ofSeconds(30));
        staff.welcomeSent(member.id()).block(Duration.ofSeconds(30));
      } catch (RuntimeException e) {
        log.warn("set-password e-mail for staff {} not sent (attempt {}): {}", member.id(), member.attempts(), e.getClass().getName());
        long pause = Math.min(30 * 60, 10L << Math.min(member.attempts(), 10));
        staff.welcomeFailed(member.id(), e.getClass().getSimpleName(), pause).block(Duration.ofSeconds(30));
      }
    }
  }
}
