package app.tend.accounts.invitation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How invitations are made and sent.
 *
 * @param linkKey secret from which each link's token is derived; anyone holding it can make links,
 *     so production sets its own
 * @param joinUrl the web page a link opens, the token appended
 * @param validFor how long a link works
 * @param mailFrom the sender of invitation e-mails
 * @param mailPollInterval how often due invitation e-mails are looked for
 */
@ConfigurationProperties("tend.invitations")
public record InvitationSettings(String linkKey, String joinUrl, Duration validFor, String mailFrom, Duration mailPollInterval) {

  public InvitationSettings {
    if (linkKey == null || linkKey.length() < 32) {
      throw new IllegalArgumentException("tend.invitations.link-key must be at least 32 characters");
    }
  }
}
