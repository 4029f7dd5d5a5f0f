package app.tend.web.invitation;

import app.tend.web.platform.api.Gateway;
import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** accounts-service's invitation API, called without a token: the link is the credential. */
@Component
class InvitationApi {

  private final Gateway gateway;

  InvitationApi(Gateway gateway) {
    this.gateway = gateway;
  }

  enum State { OPEN, ACCEPTED, EXPIRED, REVOKED }

  record Preview(State state, String clinicName, String invitedBy, String firstName, String lastName, String email, String timeZone,
                 Instant expiresAt, LocalTime reminderTime, LocalTime quietHoursStart, LocalTime quietHoursEnd) {}

  record Answers(String firstName, String lastName, String password, String timeZone, LocalTime reminderTime,
                 LocalTime quietHoursStart, LocalTime quietHoursEnd, boolean consentAccepted, boolean reflectionsVisibleToClinician) {}

  record Joined(UUID partnerId, String email) {}

  Preview open(String token) {
    return gateway.callAnonymously(rest -> rest.get().uri("/api/accounts/invitations/{token}", token).retrieve().body(Preview.class));
  }

  Joined accept(String token, Answers answers) {
    return gateway.callAnonymously(rest -> rest.post().uri("/api/accounts/invitations/{token}/acceptance", token).body(answers)
        .retrieve().body(Joined.class));
  }
}
