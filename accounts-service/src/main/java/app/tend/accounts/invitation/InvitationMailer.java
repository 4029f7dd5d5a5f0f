package app.tend.accounts.invitation;

import app.tend.accounts.invitation.Invitations.DueMail;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends invitation e-mails over SMTP. A due invitation is claimed for a while (so two instances do
 * not send the same one), sent, then marked sent; a failed send is retried with growing pauses
 * until the link expires, and the clinic sees that it is delayed. A crash between sending and
 * marking sends that one e-mail again: at least once, as with events.
 */
@Component
class InvitationMailer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(InvitationMailer.class);
  private static final Duration CLAIM = Duration.ofMinutes(2);
  private static final Duration LONGEST_PAUSE = Duration.ofMinutes(30);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

  private final Invitations invitations;
  private final JavaMailSender mail;
  private final InvitationLinks links;
  private final InvitationSettings settings;
  private final Counter sent;
  private final Counter failed;
  private volatile boolean running;
  private Thread worker;

  InvitationMailer(Invitations invitations, JavaMailSender mail, InvitationLinks links, InvitationSettings settings, MeterRegistry meters) {
    this.invitations = invitations;
    this.mail = mail;
    this.links = links;
    this.settings = settings;
    this.sent = Counter.builder("tend.invitation.mail").tag("outcome", "sent").register(meters);
    this.failed = Counter.builder("tend.invitation.mail").tag("outcome", "failed").register(meters);
  }

  /** Sends what is due now; returns how many it tried. */
  int sendDue() {
    List<DueMail> due = invitations.claimMailsDue(CLAIM).block(Duration.ofSeconds(30));
    for (DueMail invitation : due) {
      send(invitation);
    }
    return due.size();
  }

  private void send(DueMail invitation) {
    var message = new SimpleMailMessage();
    message.setFrom(settings.mailFrom());
    message.setTo(invitation.email());
    message.setSubject(invitation.invitedBy() + " invited you to Tend");
    message.setText(text(invitation));
    try {
      mail.send(message);
      invitations.mailSent(invitation.id()).block(Duration.ofSeconds(30));
      sent.increment();
    } catch (MailException e) {
      failed.increment();
      // The reason is the exception's type: SMTP messages can quote the recipient's address.
      String reason = e.getClass().getSimpleName() + (e.getCause() == null ? "" : " / " + e.getCause().getClass().getSimpleName());
      log.warn("invitation e-mail {} not sent (attempt {}): {}", invitation.id(), invitation.attempts(), reason);
      invitations.mailFailed(invitation.id(), reason, pauseAfter(invitation.attempts())).block(Duration.ofSeconds(30));
    }
  }

  /** 10 s, 20 s, 40 s … up to half an hour: an SMTP server that is down for a while is not hammered. */
  static Duration pauseAfter(int attempts) {
    long seconds = 10L << Math.min(Math.max(attempts - 1, 0), 20);
    return seconds >= LONGEST_PAUSE.toSeconds() ? LONGEST_PAUSE : Duration.ofSeconds(seconds);
  }

  private String text(DueMail invitation) {
    String until = DAY.format(invitation.expiresAt().atZone(ZoneId.of(invitation.timeZone())));
    return """
        Hello %s,

        %s at %s has invited you to Tend.

        Tend is where you and your partner practise trust between your sessions: a one-minute check-in \
        each day, small commitments to each other, and a calm way to repair after a hard moment. \
        Your clinician follows how it is going, so your sessions can start where you are.

        To join, open this link. It works once, until %s:

        %s

        When you join you choose your password, when Tend may remind you, and what your clinician \
        and your partner can see.

        If you were not expecting this e-mail, you can ignore it and nothing will happen.
        """.formatted(invitation.firstName(), invitation.invitedBy(), invitation.clinicName(), until, links.link(invitation.id()));
  }

  @Override
  public void start() {
    running = true;
    worker = Thread.ofVirtual().name("invitation-mailer").start(this::run);
  }

  private void run() {
    while (running) {
      try {
        if (sendDue() == 0) {
          Thread.sleep(settings.mailPollInterval());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.warn("looking for invitation e-mails failed: {}", e.getClass().getName());
        try {
          Thread.sleep(settings.mailPollInterval());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @Override
  public void stop() {
    running = false;
    if (worker != null) {
      worker.interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
