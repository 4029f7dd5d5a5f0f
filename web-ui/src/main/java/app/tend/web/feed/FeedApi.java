package app.tend.web.feed;

import app.tend.web.platform.api.Gateway;
import app.tend.web.platform.security.SignedIn;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** notification-service's feed API, as web-ui uses it. */
@Component
public class FeedApi {

  private final Gateway gateway;

  FeedApi(Gateway gateway) {
    this.gateway = gateway;
  }

  /** One entry of the person's feed. */
  public record Item(UUID id, String kind, String title, String body, String link, Instant createdAt, Instant readAt) {}

  /** The newest entries and how many are unread. */
  public record Feed(long unread, List<Item> notifications) {}

  public Feed feed(SignedIn person) {
    return gateway.call(person, rest -> rest.get().uri("/api/notifications").retrieve().body(Feed.class));
  }

  public void markRead(SignedIn person, UUID id) {
    gateway.call(person, rest -> rest.post().uri("/api/notifications/{id}/read", id).retrieve().toBodilessEntity());
  }
}
