package app.tend.notifications.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.tend.infra.servers.EmbeddedMailServer;
import app.tend.infra.servers.EmbeddedMailServer.ReceivedMail;
import app.tend.infra.servers.Ports;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * A batch of e-mails sent together over one connection, through Spring's mail sender to a real SMTP
 * server: what {@link Mailer#failuresOf} makes of each way a batch can go wrong decides which
 * e-mails are recorded as sent and which are tried again.
 */
class MailerBatchIT {

  @Test
  void aMessageThatCannotGoFailsAloneAndTheRestOfItsBatchIsSent() throws MessagingException {
    try (var smtp = EmbeddedMailServer.start(Ports.free())) {
      var sender = senderTo(smtp.smtpPort());
      var first = message(sender, "ari@batch.test", "first");
      // No recipient at all: the mail library refuses this one message and goes on with the next.
      var nobodys = message(sender, null, "nobody's");
      var third = message(sender, "bo@batch.test", "third");

      var failures = Mailer.failuresOf(List.of(first, nobodys, third), batch -> sender.send(batch.toArray(MimeMessage[]::new)));

      assertThat(failures).containsOnlyKeys(nobodys);
      assertThat(failures.get(nobodys)).isInstanceOf(SendFailedException.class);
      smtp.awaitMessage("bo@batch.test", 1, Duration.ofSeconds(10));
      assertThat(smtp.received()).extracting(ReceivedMail::to, ReceivedMail::subject)
          .containsExactlyInAnyOrder(tuple("ari@batch.test", "first"),
              tuple("bo@batch.test", "third"));
    }
  }

  @Test
  void whenTheServerCannotBeReachedEveryMessageOfTheBatchFails() throws MessagingException {
    var sender = senderTo(Ports.free());
    var first = message(sender, "ari@batch.test", "first");
    var second = message(sender, "bo@batch.test", "second");

    var failures = Mailer.failuresOf(List.of(first, second), batch -> sender.send(batch.toArray(MimeMessage[]::new)));

    assertThat(failures).containsOnlyKeys(first, second);
  }

  @Test
  void aBatchThatWentOutWhollyHasNoFailures() throws MessagingException {
    try (var smtp = EmbeddedMailServer.start(Ports.free())) {
      var sender = senderTo(smtp.smtpPort());
      var batch = List.of(message(sender, "ari@batch.test", "first"), message(sender, "bo@batch.test", "second"));

      assertThat(Mailer.failuresOf(batch, messages -> sender.send(messages.toArray(MimeMessage[]::new)))).isEmpty();
      smtp.awaitMessage("bo@batch.test", 1, Duration.ofSeconds(10));
      assertThat(smtp.received()).hasSize(2);
    }
  }

  @Test
  void aFailureThatNamesNoMessageAfterTheyWereSentLeavesThemSent() {
    var sent = List.of(new MimeMessage((Session) null));
    // What Spring's sender throws when only closing the connection failed, after every message went out.
    var failures = Mailer.failuresOf(sent, batch -> {
      throw new MailSendException("Failed to close server connection after message sending", new MessagingException("gone"));
    });

    assertThat(failures).isEmpty();
  }

  private static JavaMailSenderImpl senderTo(int port) {
    var sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(port);
    sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
    sender.getJavaMailProperties().put("mail.smtp.timeout", "2000");
    return sender;
  }

  private static MimeMessage message(JavaMailSenderImpl sender, String to, String subject) throws MessagingException {
    var message = sender.createMimeMessage();
    var helper = new MimeMessageHelper(message, false, "UTF-8");
    helper.setFrom("no-reply@batch.test");
    if (to != null) {
      helper.setTo(to);
    }
    helper.setSubject(subject);
    helper.setText("Hello");
    return message;
  }
}
