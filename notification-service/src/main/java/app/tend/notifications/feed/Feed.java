package app.tend.notifications.feed;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The in-app notifications, each scoped to its recipient. */
@Repository
public class Feed {

  static final String CREATED_CHANNEL = "notification_created";
  static final int PAGE = 50;

  private final DatabaseClient database;

  Feed(DatabaseClient database) {
    this.database = database;
  }

  /**
   * Creates a notification derived from {@code sourceEventId} unless that event already gave this
   * recipient one, and announces it to open pages once the transaction commits.
   *
   * @return true when it was created now
   */
  public Mono<Boolean> create(UUID recipientId, UUID clinicId, NotificationKind kind, UUID sourceEventId) {
    UUID id = UUID.randomUUID();
    return database
        .sql(
            """
            insert into notification (id, clinic_id, recipient_id, kind, title, body, link, source_event_id)
            values (:id, :clinicId, :recipientId, :kind, :title, :body, :link, :sourceEventId)
            on conflict (recipient_id, source_event_id) do nothing
            """)
        .bind("id", id)
        .bind("clinicId", clinicId)
        .bind("recipientId", recipientId)
        .bind("kind", kind.name())
        .bind("title", kind.title())
        .bind("body", kind.body())
        .bind("link", kind.link())
        .bind("sourceEventId", sourceEventId)
        .fetch()
        .rowsUpdated()
        .flatMap(
            rows ->
                rows == 0
                    ? Mono.just(false)
                    // NOTIFY is delivered at commit, so a page never hears of a row that was rolled back.
                    : database.sql("select pg_notify('" + CREATED_CHANNEL + "', :payload)")
                        .bind("payload", recipientId + ":" + id)
                        .fetch()
                        .rowsUpdated()
                        .thenReturn(true));
  }

  public Mono<FeedView> feed(UUID recipientId) {
    Mono<Long> unread =
        database.sql("select count(*) from notification where recipient_id = :r and read_at is null")
            .bind("r", recipientId)
            .map(row -> row.get(0, Long.class))
            .one();
    Flux<NotificationView> newest =
        database.sql("select * from notification where recipient_id = :r order by created_at desc, id limit " + PAGE)
            .bind("r", recipientId)
            .map(Feed::view)
            .all();
    return Mono.zip(unread, newest.collectList(), FeedView::new);
  }

  /** Every notification of the recipient, oldest first: their part of "download all my data". */
  public Flux<NotificationView> all(UUID recipientId) {
    return database.sql("select * from notification where recipient_id = :r order by created_at, id")
        .bind("r", recipientId)
        .map(Feed::view)
        .all();
  }

  /** Removes every notification of a person who erased their account. */
  public Mono<Void> eraseAllOf(UUID recipientId) {
    return database.sql("delete from notification where recipient_id = :r").bind("r", recipientId).then();
  }

  /** The notification, only when it is the recipient's own. */
  public Mono<NotificationView> find(UUID recipientId, UUID id) {
    return database.sql("select * from notification where id = :id and recipient_id = :r")
        .bind("id", id)
        .bind("r", recipientId)
        .map(Feed::view)
        .one();
  }

  /** Marks the recipient's own notification read; answers whether there was one. */
  public Mono<Boolean> markRead(UUID recipientId, UUID id) {
    return database
        .sql("update notification set read_at = coalesce(read_at, now()) where id = :id and recipient_id = :r")
        .bind("id", id)
        .bind("r", recipientId)
        .fetch()
        .rowsUpdated()
        .map(rows -> rows > 0);
  }

  private static NotificationView view(Readable row) {
    OffsetDateTime readAt = row.get("read_at", OffsetDateTime.class);
    return new NotificationView(
        row.get("id", UUID.class),
        NotificationKind.valueOf(row.get("kind", String.class)),
        row.get("title", String.class),
        row.get("body", String.class),
        row.get("link", String.class),
        row.get("created_at", OffsetDateTime.class).toInstant(),
        readAt == null ? null : readAt.toInstant());
  }
}
