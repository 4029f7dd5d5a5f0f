package app.tend.notifications.feed;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

/**
 * Tells open pages about new notifications as they are committed. Every instance listens on
 * PostgreSQL's {@code notification_created} channel, so a page gets its notification whichever
 * instance's Kafka consumer created it.
 */
@Component
public class LiveFeed implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

  private final ConnectionFactory connections;
  private final Feed feed;
  private final Sinks.Many<Created> created = Sinks.many().multicast().directBestEffort();
  private volatile Disposable listening;

  LiveFeed(ConnectionFactory connections, Feed feed) {
    this.connections = connections;
    this.feed = feed;
  }

  private record Created(UUID recipientId, UUID notificationId) {}

  /** The recipient's notifications as they arrive, from now on. */
  public Flux<NotificationView> follow(UUID recipientId) {
    return created.asFlux()
        .filter(event -> event.recipientId().equals(recipientId))
        .concatMap(event -> feed.find(recipientId, event.notificationId()));
  }

  @Override
  public void start() {
    // LISTEN needs a connection of its own for as long as we listen: never one from the pool.
    ConnectionFactory direct = connections instanceof ConnectionPool pool ? pool.unwrap() : connections;
    listening =
        Mono.from(direct.create())
            .cast(PostgresqlConnection.class)
            .flatMapMany(
                connection ->
                    connection.createStatement("LISTEN " + Feed.CREATED_CHANNEL).execute()
                        .flatMap(result -> result.getRowsUpdated())
                        .thenMany(connection.getNotifications())
                        .doFinally(signal -> Mono.from(connection.close()).subscribe()))
            .doOnSubscribe(subscription -> log.info("listening for new notifications"))
            .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(500)).maxBackoff(Duration.ofSeconds(10)))
            .subscribe(
                notification -> {
                  String[] parts = String.valueOf(notification.getParameter()).split(":");
                  if (parts.length == 2) {
                    created.tryEmitNext(new Created(UUID.fromString(parts[0]), UUID.fromString(parts[1])));
                  }
                });
  }

  @Override
  public void stop() {
    if (listening != null) {
      listening.dispose();
    }
    created.tryEmitComplete();
  }

  @Override
  public boolean isRunning() {
    return listening != null && !listening.isDisposed();
  }
}
