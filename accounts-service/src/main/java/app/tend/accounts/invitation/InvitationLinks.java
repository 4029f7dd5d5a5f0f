package app.tend.accounts.invitation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The token in an invitation link is an HMAC of the invitation's id under a server key: it can be
 * made again whenever the e-mail is sent, so it is never stored, and only its SHA-256 is kept to
 * find the invitation when the link is opened.
 */
@Component
class InvitationLinks {

  private final SecretKeySpec key;
  private final String joinUrl;

  InvitationLinks(InvitationSettings settings) {
    this.key = new SecretKeySpec(settings.linkKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.joinUrl = settings.joinUrl().endsWith("/") ? settings.joinUrl() : settings.joinUrl() + "/";
  }

  String token(UUID invitationId) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] id = ByteBuffer.allocate(16).putLong(invitationId.getMostSignificantBits()).putLong(invitationId.getLeastSignificantBits()).array();
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(id));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  String link(UUID invitationId) {
    return joinUrl + token(invitationId);
  }

  /** What is stored and looked up: the SHA-256 of the token. */
  static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  byte[] hashOf(UUID invitationId) {
    return hash(token(invitationId));
  }
}
