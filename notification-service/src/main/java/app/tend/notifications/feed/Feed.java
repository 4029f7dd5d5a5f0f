package app.tend.notifications.feed;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
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
   * A notification to create: for whom, what, and the event it derives from.
   *
   * @param body its text when it is not the kind's usual one (a digest's counts), else null
   */
  public record NewNotification(UUID recipientId, UUID clinicId, NotificationKind kind, UUID sourceEventId, String body) {
    public NewNotification(UUID recipientId, UUID clinicId, NotificationKind kind, UUID sourceEventId) {
      this(recipientId, clinicId, kind, sourceEventId, null);
    }
  }

  /**
   * Creates a notification derived from {@code sourceEventId} unless that event already gave this
   * recipient one, logs its delivery to the feed, queues its e-mail when the recipient wants one,
   * and announces it to open pages once the transaction commits.
   *
   * @return true when it was created now
   */
  public Mono<Boolean> create(UUID recipientId, UUID clinicId, NotificationKind kind, UUID sourceEventId) {
    return createAll(List.of(new NewNotification(recipientId, clinicId, kind, sourceEventId))).map(created -> created == 1);
  }

  /**
   * As {@link #create}, for many notifications in one statement: a burst of reminders is one round
   * trip per batch, not one per person.
   *
   * @return how many were created now (the others existed already)
   */
  public Mono<Integer> createAll(List<NewNotification> notifications) {
    if (notifications.isEmpty()) {
      return Mono.just(0);
    }
    int size = notifications.size();
    UUID[] ids = new UUID[size];
    UUID[] clinics = new UUID[size];
    UUID[] recipients = new UUID[size];
    String[] kinds = new String[size];
    UUID[] sources = new UUID[size];
    String[] bodies = new String[size];
    for (int i = 0; i < size; i++) {
      var notification = notifications.get(i);
      ids[i] = UUID.randomUUID();
      clinics[i] = notification.clinicId();
      recipients[i] = notification.recipientId();
      kinds[i] = notification.kind().name();
      sources[i] = notification.sourceEventId();
      bodies[i] = notification.body() == null ? "" : notification.body();
    }
    // NOTIFY is delivered at commit, so a page never hears of a row that was rolled back.
    return database
        .sql(
            """
            with kind as (
              select * from unnest(:kindNames::text[], :titles::text[], :bodies::text[], :links::text[], :groups::text[],
                                   :emailedByDefault::boolean[], :alwaysEmailed::boolean[])
                       as k (name, title, body, link, grp, emailed_by_default, always_emailed)),
            created as (
              insert into notification (id, clinic_id, recipient_id, kind, title, body, link, source_event_id)
              select n.id, n.clinic_id, n.recipient_id, n.kind, kind.title, coalesce(nullif(n.body, ''), kind.body), kind.link, n.source_event_id
              from unnest(:ids::uuid[], :clinics::uuid[], :recipients::uuid[], :kinds::text[], :sources::uuid[], :ownBodies::text[])
                     as n (id, clinic_id, recipient_id, kind, source_event_id, body)
                   join kind on kind.name = n.kind
              on conflict (recipient_id, source_event_id) do nothing
              returning id, recipient_id, kind),
            -- The delivery log: in the feed now; by e-mail later, if the recipient wants this group e-mailed.
            in_feed as (
              insert into delivery (id, notification_id, recipient_id, channel, state, attempts, finished_at)
              select gen_random_uuid(), id, recipient_id, 'IN_APP', 'SENT', 1, now() from created),
            by_email as (
              insert into delivery (id, notification_id, recipient_id, channel, state)
              select gen_random_uuid(), created.id, created.recipient_id, 'EMAIL', 'PENDING'
              from created join kind on kind.name = created.kind
                   left join email_preference p on p.person_id = created.recipient_id and p.subject = kind.grp
              where kind.always_emailed or coalesce(p.emailed, kind.emailed_by_default))
            select count(*) from created, lateral (select pg_notify('%s', created.recipient_id || ':' || created.id)) announced
            """.formatted(CREATED_CHANNEL))
        .bind("ids", ids)
        .bind("clinics", clinics)
        .bind("recipients", recipients)
        .bind("kinds", kinds)
        .bind("sources", sources)
        .bind("ownBodies", bodies)
        .bind("kindNames", KIND_NAMES)
        .bind("titles", TITLES)
        .bind("bodies", BODIES)
        .bind("links", LINKS)
        .bind("groups", GROUPS)
        .bind("emailedByDefault", EMAILED_BY_DEFAULT)
        .bind("alwaysEmailed", ALWAYS_EMAILED)
        .map(row -> row.get(0, Long.class).intValue())
        .one();
  }

  // The words of each kind, passed once per statement rather than once per row.
  private static final String[] KIND_NAMES = Arrays.stream(NotificationKind.values()).map(Enum::name).toArray(String[]::new);
  private static final String[] TITLES = Arrays.stream(NotificationKind.values()).map(NotificationKind::title).toArray(String[]::new);
  private static final String[] BODIES = Arrays.stream(NotificationKind.values()).map(NotificationKind::body).toArray(String[]::new);
  private static final String[] LINKS = Arrays.stream(NotificationKind.values()).map(NotificationKind::link).toArray(String[]::new);
  private static final String[] GROUPS = Arrays.stream(NotificationKind.values()).map(kind -> kind.group().name()).toArray(String[]::new);
  private static final Boolean[] EMAILED_BY_DEFAULT =
      Arrays.stream(NotificationKind.values()).map(kind -> kind.group().emailedByDefault()).toArray(Boolean[]::new);
  private static final Boolean[] ALWAYS_EMAILED =
      Arrays.stream(NotificationKind.values()).map(kind -> kind.group().alwaysEmailed()).toArray(Boolean[]::new);

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
