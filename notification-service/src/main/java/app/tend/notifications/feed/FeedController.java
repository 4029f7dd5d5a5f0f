package app.tend.notifications.feed;

import app.tend.platform.security.CurrentCaller;
import app.tend.platform.web.NotFoundException;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The caller's own in-app feed; nobody reads another person's notifications. */
@RestController
@RequestMapping("/api/notifications")
class FeedController {

  private static final Duration HEARTBEAT = Duration.ofSeconds(15);

  private final Feed feed;
  private final LiveFeed live;

  FeedController(Feed feed, LiveFeed live) {
    this.feed = feed;
    this.live = live;
  }

  /** The newest notifications and how many are unread. */
  @GetMapping
  Mono<FeedView> feed() {
    return CurrentCaller.get().flatMap(caller -> feed.feed(caller.subject()));
  }

  /** notification-service's part of "download all my data": every notification the caller received. */
  @GetMapping("/me/export")
  Flux<NotificationView> export() {
    return CurrentCaller.get().flatMapMany(caller -> feed.all(caller.subject()));
  }

  @PostMapping("/{id}/read")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  Mono<Void> markRead(@PathVariable UUID id) {
    return CurrentCaller.get()
        .flatMap(caller -> feed.markRead(caller.subject(), id))
        .filter(Boolean::booleanValue)
        .switchIfEmpty(Mono.error(() -> new NotFoundException("That notification is not in your feed.")))
        .then();
  }

  /**
   * New notifications as server-sent events while the connection stays open, with a comment at
   * once and then every 15 s: at once, so that the caller (and any proxy) sees the stream open
   * rather than waiting 15 s for its first line; then so that proxies keep it open.
   */
  @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  Flux<ServerSentEvent<NotificationView>> stream() {
    return CurrentCaller.get()
        .flatMapMany(
            caller ->
                Flux.merge(
                    live.follow(caller.subject())
                        .map(n -> ServerSentEvent.builder(n).id(n.id().toString()).event("notification").build()),
                    Flux.interval(Duration.ZERO, HEARTBEAT).map(tick -> ServerSentEvent.<NotificationView>builder().comment("still here").build())));
  }
}
