package app.tend.infra.servers;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail) inside this JVM, which keeps every message it receives so the local
 * stack can show them and tests can read them. It accepts mail for any address without
 * authentication, as a development mail catcher does.
 */
public final class EmbeddedMailServer implements MailEndpoint, AutoCloseable {

  /**
   * One received message, as a person would read it.
   *
   * @param html the HTML part, empty when there is none
   * @param listUnsubscribe the List-Unsubscribe header, empty when there is none
   * @param messageId the Message-ID header, which tells one message from another
   */
  public record ReceivedMail(String to, String subject, String text, String html, String listUnsubscribe, String messageId) {

    /** The first link in the text that starts with {@code prefix}. */
    public Optional<String> link(String prefix) {
      var matcher = Pattern.compile(Pattern.quote(prefix) + "\\S+").matcher(text);
      return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
    }
  }

  private final GreenMail greenMail;

  private EmbeddedMailServer(GreenMail greenMail) {
    this.greenMail = greenMail;
  }

  /** Starts SMTP on {@code port} (0 picks a free one) on the loopback address. */
  public static EmbeddedMailServer start(int port) {
    var server = new GreenMail(new ServerSetup(port == 0 ? Ports.free() : port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return new EmbeddedMailServer(server);
  }

  @Override
  public String host() {
    return "127.0.0.1";
  }

  @Override
  public int smtpPort() {
    return greenMail.getSmtp().getPort();
  }

  /** Everything received so far: oldest first for each recipient, but grouped by recipient, not in arrival order. */
  public List<ReceivedMail> received() {
    return Arrays.stream(greenMail.getReceivedMessages()).map(EmbeddedMailServer::read).toList();
  }

  /** Messages to {@code address}, oldest first. */
  public List<ReceivedMail> receivedBy(String address) {
    return received().stream().filter(mail -> mail.to().equalsIgnoreCase(address)).toList();
  }

  /** Waits up to {@code timeout} for the {@code count}-th message to {@code address}, and returns it. */
  public ReceivedMail awaitMessage(String address, int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      var messages = receivedBy(address);
      if (messages.size() >= count) {
        return messages.get(count - 1);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no message number " + count + " to " + address + " within " + timeout);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static ReceivedMail read(MimeMessage message) {
    try {
      var to = message.getRecipients(Message.RecipientType.TO);
      String listUnsubscribe = message.getHeader("List-Unsubscribe", ",");
      return new ReceivedMail(to == null || to.length == 0 ? "" : ((jakarta.mail.internet.InternetAddress) to[0]).getAddress(),
          message.getSubject(), plainText(message).replace("\r\n", "\n"), part(message, "text/html"),
          listUnsubscribe == null ? "" : listUnsubscribe, String.valueOf(message.getMessageID()));
    } catch (MessagingException | java.io.IOException e) {
      throw new IllegalStateException("a received message could not be read", e);
    }
  }

  /** The decoded plain-text part (Keycloak sends text and HTML), else the raw body. */
  private static String plainText(jakarta.mail.Part part) throws MessagingException, java.io.IOException {
    Object content = part.getContent();
    if (content instanceof String text) {
      return text;
    }
    if (content instanceof jakarta.mail.Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        var body = multipart.getBodyPart(i);
        if (body.isMimeType("text/plain") || body.isMimeType("multipart/*")) {
          return plainText(body);
        }
      }
    }
    return part instanceof MimeMessage message ? GreenMailUtil.getBody(message) : "";
  }

  /** The first part of {@code mimeType} anywhere in the message, or empty. */
  private static String part(jakarta.mail.Part part, String mimeType) throws MessagingException, java.io.IOException {
    if (part.isMimeType(mimeType) && part.getContent() instanceof String text) {
      return text;
    }
    if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String found = part(multipart.getBodyPart(i), mimeType);
        if (!found.isEmpty()) {
          return found;
        }
      }
    }
    return "";
  }

  @Override
  public void close() {
    greenMail.stop();
  }
}
