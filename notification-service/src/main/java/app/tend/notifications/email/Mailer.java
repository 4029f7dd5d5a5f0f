package app.tend.notifications.email;

import app.tend.notifications.email.EmailDeliveries.Pending;
import app.tend.notifications.platform.work.PollingWorker;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the e-mails that are due, over SMTP. Each is claimed for a lease (so instances side by side
 * never send the same one), its recipient's choice is read again and their address looked up in
 * Keycloak at that moment, and every try is logged. A failed try is retried with growing pauses;
 * after the last one the e-mail is marked failed and counted, never dropped silently and never
 * retried for ever. A crash between sending and recording it sends that one e-mail again: at least
 * once, as with events.
 */
@Component
@EnableConfigurationProperties(EmailSettings.class)
class Mailer extends PollingWorker {

  private final EmailDeliveries deliveries;
  private final EmailMessages messages;
  private final Addresses addresses;
  private final JavaMailSender mail;
  private final EmailSettings settings;
  private final MeterRegistry meters;

  Mailer(EmailDeliveries deliveries, EmailMessages messages, Addresses addresses, JavaMailSender mail, EmailSettings settings,
      MeterRegistry meters) {
    super("mailer", settings.enabled(), settings.pollInterval(), settings.batchSize());
    this.deliveries = deliveries;
    this.messages = messages;
    this.addresses = addresses;
    this.mail = mail;
    this.settings = settings;
    this.meters = meters;
    for (String outcome : List.of("sent", "retrying", "failed", "skipped")) {
      count(outcome, 0);
    }
  }

  /** Sends one batch of due e-mails; answers how many it claimed. */
  @Override
  protected int handleOneBatch() {
    List<Pending> due = deliveries.claim(settings.lease(), settings.batchSize()).block(Duration.ofSeconds(30));
    if (due == null) {
      return 0;
    }
    for (Pending email : due) {
      send(email);
    }
    return due.size();
  }

  private void send(Pending email) {
    if (!email.stillWanted()) {
      finish(email, "SKIPPED", "NOT_WANTED", null, "skipped");
      return;
    }
    try {
      var recipient = addresses.of(email.recipientId());
      if (recipient.isEmpty()) {
        finish(email, "SKIPPED", "NO_ADDRESS", null, "skipped");
        return;
      }
      mail.send(messages.compose(email.recipientId(), recipient.get(), email.kind(), email.title(), email.body()));
      finish(email, "SENT", "SENT", null, "sent");
    } catch (MailException | MessagingException | IOException e) {
      // The reason is the exception's type: SMTP and Keycloak messages can quote an address.
      String reason = e.getClass().getSimpleName() + (e.getCause() == null ? "" : " / " + e.getCause().getClass().getSimpleName());
      if (email.attempts() >= settings.maxAttempts()) {
        log.warn("e-mail {} ({}) failed for good after {} tries: {}", email.id(), email.kind(), email.attempts(), reason);
        finish(email, "FAILED", "FAILED", reason, "failed");
      } else {
        Duration pause = settings.pauseAfter(email.attempts());
        log.info("e-mail {} ({}) not sent on try {}, next in {}: {}", email.id(), email.kind(), email.attempts(), pause, reason);
        deliveries.retryAfter(email.id(), pause, reason).block(Duration.ofSeconds(30));
        count("retrying", 1);
      }
    }
  }

  private void finish(Pending email, String state, String result, String detail, String outcome) {
    deliveries.finish(email.id(), state, result, detail).block(Duration.ofSeconds(30));
    count(outcome, 1);
  }

  private void count(String outcome, int amount) {
    meters.counter("tend.notifications.email", "outcome", outcome).increment(amount);
  }
}
