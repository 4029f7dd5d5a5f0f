package app.tend.web.feed;

import app.tend.web.platform.WebSettings;
import app.tend.web.platform.api.Gateway;
import app.tend.web.platform.security.SignedIn;
import java.time.Duration;
import java.util.function.Consumer;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Follows a person's notifications while their page is open: one server-sent-event connection
 * through the gateway per open page, reconnected with a fresh token when it drops.
 */
@Component
public class LiveFeed {

  private static final ParameterizedTypeReference<ServerSentEvent<FeedApi.Item>> EVENTS = new ParameterizedTypeReference<>() {};

  private final WebClient web;
  private final Gateway gateway;

  LiveFeed(WebClient.Builder builder, WebSettings settings, Gateway gateway) {
    this.web = builder.baseUrl(settings.gatewayUrl()).build();
    this.gateway = gateway;
  }

  /** Calls {@code onNotification} for each new notification until the returned handle is disposed. */
  public Disposable follow(SignedIn person, Consumer<FeedApi.Item> onNotification) {
    return Mono.fromCallable(() -> gateway.accessToken(person))
        .flatMapMany(token -> web.get().uri("/api/notifications/stream")
            .accept(MediaType.TEXT_EVENT_STREAM)
            .headers(headers -> headers.setBearerAuth(token))
            .retrieve()
            .bodyToFlux(EVENTS))
        .filter(event -> "notification".equals(event.event()) && event.data() != null)
        .map(ServerSentEvent::data)
        // A dropped stream (restart, expired token, network) is reopened; none of this is visible.
        .repeatWhen(done -> done.delayElements(Duration.ofSeconds(1)))
        .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30)))
        .subscribe(onNotification);
  }
}
