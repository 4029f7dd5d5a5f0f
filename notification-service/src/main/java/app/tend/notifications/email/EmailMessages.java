package app.tend.notifications.email;

import app.tend.notifications.email.Addresses.Recipient;
import app.tend.notifications.feed.NotificationKind;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import java.util.UUID;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The e-mail for a notification: its title as the subject, its text, a link into Tend, and a link
 * that stops e-mails like it. It says what the in-app notification says and nothing more, since an
 * inbox may be read over someone's shoulder; a safety alert names neither couple nor concern.
 */
@Component
class EmailMessages {

  static {
    // Jakarta Mail 2.1 looks its stream provider up with a ServiceLoader in every Multipart and
    // BodyPart it makes (jakartaee/mail-api#699, #861), which in a Boot jar reads META-INF/services
    // through every nested jar: half of the mailer's CPU in a profile under the event load. Named
    // once, here, the lookup is a Class.forName of a class already loaded.
    System.getProperties().putIfAbsent(StreamProvider.class.getName(), StreamProvider.provider().getClass().getName());
  }

  private final JavaMailSender mail;
  private final EmailSettings settings;
  private final UnsubscribeLinks unsubscribe;

  EmailMessages(JavaMailSender mail, EmailSettings settings, UnsubscribeLinks unsubscribe) {
    this.mail = mail;
    this.settings = settings;
    this.unsubscribe = unsubscribe;
  }

  /** The e-mail of a notification of {@code kind} with its stored {@code title} and {@code body}. */
  MimeMessage compose(UUID recipientId, Recipient recipient, NotificationKind kind, String title, String body) throws MessagingException {
    String open = settings.webUrl() + kind.link();
    String greeting = recipient.firstName().isBlank() ? "Hello," : "Hello " + recipient.firstName() + ",";
    String stop = kind.group().alwaysEmailed() ? null : unsubscribe.link(recipientId, kind.group());
    String footer = stop == null
        ? "You get this e-mail because you are a clinician in Tend. Alerts like this one cannot be turned off."
        : "You get this e-mail because e-mail is on for: " + kind.group().description().toLowerCase() + ".\n"
            + "Stop e-mails like this one: " + stop;

    String text = """
        %s

        %s

        %s

        Open Tend: %s

        --
        %s
        """.formatted(greeting, title, body == null ? "" : body, open, footer);
    String html = """
        <!doctype html>
        <html><body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1f2933; max-width: 36rem">
        <p>%s</p>
        <p><strong>%s</strong></p>
        <p>%s</p>
        <p><a href="%s" style="color: #2f6f73">Open Tend</a></p>
        <hr style="border: none; border-top: 1px solid #d9e2ec">
        <p style="font-size: 0.9em; color: #52606d">%s</p>
        </body></html>
        """.formatted(escape(greeting), escape(title), escape(body == null ? "" : body), escape(open),
        stop == null ? escape(footer)
            : escape("You get this e-mail because e-mail is on for: " + kind.group().description().toLowerCase() + ".")
                + " <a href=\"" + escape(stop) + "\" style=\"color: #2f6f73\">Stop e-mails like this one</a>");

    MimeMessage message = mail.createMimeMessage();
    var helper = new MimeMessageHelper(message, true, "UTF-8");
    helper.setFrom(settings.from());
    helper.setTo(recipient.email());
    helper.setSubject(title);
    helper.setText(text, html);
    if (stop != null) {
      message.setHeader("List-Unsubscribe", "<" + stop + ">");
    }
    return message;
  }

  private static String escape(String text) {
    return HtmlUtils.htmlEscape(text);
  }
}
