package app.tend.notifications.email;

import static org.assertj.core.api.Assertions.assertThat;

import app.tend.notifications.feed.NotificationGroup;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UnsubscribeLinksTest {

  private final UnsubscribeLinks links = new UnsubscribeLinks(new EmailSettings(true, "Tend <no-reply@tend.local>", "http://localhost:8080",
      Duration.ofSeconds(2), 50, Duration.ofMinutes(2), 8, Duration.ofSeconds(30), Duration.ofMinutes(30), "a-test-key"));

  @Test
  void aTokenThisServiceSignedIsRead() {
    UUID person = UUID.randomUUID();
    assertThat(links.read(links.token(person, NotificationGroup.APPRECIATION)))
        .contains(new UnsubscribeLinks.Unsubscribe(person, NotificationGroup.APPRECIATION));
  }

  /** BadInputIT found one: the last letter of a base64 text carries spare bits, and a changed one decoded to the same signature. */
  @Test
  void everyTokenOneLetterAwayIsRefused() {
    String token = links.token(UUID.randomUUID(), NotificationGroup.APPRECIATION);
    for (int at = 0; at < token.length(); at++) {
      for (char letter : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray()) {
        if (letter != token.charAt(at) && token.charAt(at) != '.') {
          String changed = token.substring(0, at) + letter + token.substring(at + 1);
          assertThat(links.read(changed)).as(changed).isEmpty();
        }
      }
    }
  }
}
