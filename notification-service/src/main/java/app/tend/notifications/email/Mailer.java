package app.tend.notifications.email;

import app.tend.notifications.email.EmailDeliveries.Pending;
import app.tend.platform.work.PollingWorker;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the e-mails that are due, over SMTP, each claimed batch over one connection. Each is
 * claimed for a lease (so instances side by side never send the same one), its recipient's choice
 * is read again and their address looked up in Keycloak at that moment, and every try is logged. A
 * failed try is retried with growing pauses; after the last one the e-mail is marked failed and
 * counted, never dropped silently and never retried for ever. A crash between sending a batch and
 * recording it sends what it had sent again: at least once, as with events.
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
    var outgoing = new ArrayList<Outgoing>();
    for (Pending email : due) {
      compose(email).ifPresent(outgoing::add);
    }
    sendTogether(outgoing);
    return due.size();
  }

  /** A composed e-mail and the delivery it is for. */
  private record Outgoing(Pending email, MimeMessage message) {}

  /** The message for a due e-mail; empty when it is not to go out (skipped, or this try failed), which is recorded. */
  private Optional<Outgoing> compose(Pending email) {
    if (!email.stillWanted()) {
      finish(email, "SKIPPED", "NOT_WANTED", null, "skipped");
      return Optional.empty();
    }
    try {
      var recipient = addresses.of(email.recipientId());
      if (recipient.isEmpty()) {
        finish(email, "SKIPPED", "NO_ADDRESS", null, "skipped");
        return Optional.empty();
      }
      return Optional.of(new Outgoing(email, messages.compose(email.recipientId(), recipient.get(), email.kind(), email.title(),
          email.body())));
    } catch (MailException | MessagingException | IOException e) {
      tryFailed(email, e);
      return Optional.empty();
    }
  }

  /**
   * Sends the batch over one connection to the SMTP server, not one each: a new connection waits
   * for the server's greeting and EHLO, and at a relay for STARTTLS's handshake and the login as
   * well, before the e-mail's own commands; a morning's reminders are thousands of e-mails. Then
   * records each e-mail's fate.
   */
  private void sendTogether(List<Outgoing> outgoing) {
    if (outgoing.isEmpty()) {
      return;
    }
    List<MimeMessage> batch = outgoing.stream().map(Outgoing::message).toList();
    Map<MimeMessage, Exception> failures = failuresOf(batch, messages -> mail.send(messages.toArray(MimeMessage[]::new)));
    for (Outgoing email : outgoing) {
      Exception failure = failures.get(email.message());
      if (failure == null) {
        finish(email.email(), "SENT", "SENT", null, "sent");
      } else {
        tryFailed(email.email(), failure);
      }
    }
  }

  /**
   * Which of {@code batch} {@code send} did not send, and why; by identity, as a message has no
   * other. Spring's mail sender names each message that failed in its {@link MailSendException}:
   * one the server refused, and every one left when the connection failed. It throws one naming
   * none when only closing the connection failed, after everything was sent; any other failure
   * (the server refused the login, say) sent nothing.
   */
  static Map<MimeMessage, Exception> failuresOf(List<MimeMessage> batch, Consumer<List<MimeMessage>> send) {
    var failures = new IdentityHashMap<MimeMessage, Exception>();
    try {
      send.accept(batch);
    } catch (MailSendException e) {
      e.getFailedMessages().forEach((message, failure) -> failures.put((MimeMessage) message, failure));
    } catch (MailException e) {
      batch.forEach(message -> failures.put(message, e));
    }
    return failures;
  }

  /** This try failed: another after a pause, or after the last one, the e-mail is marked failed. */
  private void tryFailed(Pending email, Exception e) {
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

  private void finish(Pending email, String state, String result, String detail, String outcome) {
    deliveries.finish(email.id(), state, result, detail).block(Duration.ofSeconds(30));
    count(outcome, 1);
  }

  private void count(String outcome, int amount) {
    meters.counter("tend.notifications.email", "outcome", outcome).increment(amount);
  }
}
