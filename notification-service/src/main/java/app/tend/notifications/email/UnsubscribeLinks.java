package app.tend.notifications.email;

import app.tend.notifications.feed.NotificationGroup;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The link at the foot of each e-mail that stops e-mails of its group for its recipient, without
 * signing in: the person and the group, signed with HMAC-SHA256 so nobody can make one for someone
 * else.
 */
@Component
public class UnsubscribeLinks {

  private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

  private final byte[] key;
  private final String webUrl;

  UnsubscribeLinks(EmailSettings settings) {
    this.key = settings.unsubscribeLinkKey().getBytes(StandardCharsets.UTF_8);
    this.webUrl = settings.webUrl();
  }

  /** Whose e-mail of which group a valid token stops. */
  public record Unsubscribe(UUID personId, NotificationGroup group) {}

  public String token(UUID personId, NotificationGroup group) {
    return signed(personId + "." + group.name());
  }

  private String signed(String payload) {
    return ENCODE.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + ENCODE.encodeToString(sign(payload));
  }

  /** The page in web-ui that asks "stop these e-mails?" for this token. */
  public String link(UUID personId, NotificationGroup group) {
    return webUrl + "/unsubscribe/" + token(personId, group);
  }

  /** What the token stops, when it is one this service signed. */
  public Optional<Unsubscribe> read(String token) {
    try {
      String[] parts = token.split("\\.", -1);
      if (parts.length != 2) {
        return Optional.empty();
      }
      String payload = new String(DECODE.decode(parts[0]), StandardCharsets.UTF_8);
      // Compared as the text this service would have written, not as decoded bytes: base64's spare
      // bits let several texts (one letter apart at the end) decode to the same signature.
      if (!MessageDigest.isEqual(signed(payload).getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
        return Optional.empty();
      }
      String[] fields = payload.split("\\.", -1);
      return Optional.of(new Unsubscribe(UUID.fromString(fields[0]), NotificationGroup.valueOf(fields[1])));
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException malformed) {
      return Optional.empty();
    }
  }

  private byte[] sign(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
