package app.tend.notifications.email;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How notification e-mail is sent.
 *
 * @param enabled whether this instance sends e-mail at all
 * @param from the sender, e.g. {@code Tend <no-reply@tend.example>}
 * @param webUrl where web-ui is, for the links in each e-mail
 * @param pollInterval how often the mailer looks for e-mail to send when there was none
 * @param batchSize how many e-mails one claim takes
 * @param lease how long a claim holds before another instance may take it over
 * @param maxAttempts how many tries an e-mail gets before it is marked failed
 * @param firstPause the pause after the first failed try; each later pause doubles
 * @param longestPause the longest pause between tries
 * @param unsubscribeLinkKey the secret that signs unsubscribe links
 */
@ConfigurationProperties("tend.email")
public record EmailSettings(
    boolean enabled,
    String from,
    String webUrl,
    Duration pollInterval,
    int batchSize,
    Duration lease,
    int maxAttempts,
    Duration firstPause,
    Duration longestPause,
    String unsubscribeLinkKey) {

  /** The pause after {@code attempts} failed tries: first, twice that, … never more than the longest. */
  public Duration pauseAfter(int attempts) {
    long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
    Duration pause = firstPause.multipliedBy(factor);
    return pause.compareTo(longestPause) > 0 ? longestPause : pause;
  }
}
