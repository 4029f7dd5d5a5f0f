package app.tend.notifications.email;

import app.tend.notifications.feed.NotificationKind;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The e-mail deliveries waiting to go out, and the log of every attempt. */
@Repository
class EmailDeliveries {

  private final DatabaseClient database;

  EmailDeliveries(DatabaseClient database) {
    this.database = database;
  }

  /**
   * An e-mail to send now.
   *
   * @param attempts tries so far, this one included
   * @param emailedByChoice the recipient's choice for this group now, null when they made none
   */
  record Pending(UUID id, UUID recipientId, NotificationKind kind, String title, String body, int attempts, Boolean emailedByChoice) {

    /** Whether the recipient still wants this by e-mail: preferences are honoured at send time. */
    boolean stillWanted() {
      var group = kind.group();
      return group.alwaysEmailed() || (emailedByChoice == null ? group.emailedByDefault() : emailedByChoice);
    }
  }

  /**
   * Claims up to {@code limit} e-mails that are due, for {@code lease}: an instance that dies
   * holding them leaves them to another once the lease runs out. Each claim counts as a try.
   */
  Mono<List<Pending>> claim(Duration lease, int limit) {
    return database
        .sql(
            """
            with due as (
              select id from delivery where state = 'PENDING' and channel = 'EMAIL' and next_attempt_at <= now()
              order by next_attempt_at limit :limit for update skip locked),
            claimed as (
              update delivery d set attempts = d.attempts + 1, next_attempt_at = now() + make_interval(secs => :leaseSeconds)
              from due where d.id = due.id
              returning d.id, d.notification_id, d.recipient_id, d.attempts)
            select claimed.id, claimed.recipient_id, claimed.attempts, n.kind, n.title, n.body, p.emailed
            from claimed join notification n on n.id = claimed.notification_id
                 left join email_preference p on p.person_id = claimed.recipient_id and p.subject = %s
            """.formatted(GROUP_OF_KIND))
        .bind("limit", limit)
        .bind("leaseSeconds", (double) lease.toMillis() / 1000)
        .map(row -> new Pending(row.get("id", UUID.class), row.get("recipient_id", UUID.class),
            NotificationKind.valueOf(row.get("kind", String.class)), row.get("title", String.class), row.get("body", String.class),
            row.get("attempts", Integer.class), row.get("emailed", Boolean.class)))
        .all()
        .collectList();
  }

  /** The group of a notification kind in SQL, from the enum, so the two never disagree. */
  private static final String GROUP_OF_KIND = "(case n.kind "
      + java.util.Arrays.stream(NotificationKind.values())
          .map(kind -> "when '" + kind.name() + "' then '" + kind.group().name() + "' ")
          .collect(java.util.stream.Collectors.joining())
      + "end)";

  /** The delivery is over: sent, skipped or failed for good. */
  Mono<Void> finish(UUID id, String state, String result, String detail) {
    return database.sql("update delivery set state = :state, finished_at = now() where id = :id")
        .bind("state", state)
        .bind("id", id)
        .then()
        .then(log(id, result, detail));
  }

  /** This try failed; the next is after {@code pause}. */
  Mono<Void> retryAfter(UUID id, Duration pause, String detail) {
    return database.sql("update delivery set next_attempt_at = now() + make_interval(secs => :pause) where id = :id")
        .bind("pause", (double) pause.toMillis() / 1000)
        .bind("id", id)
        .then()
        .then(log(id, "FAILED", detail));
  }

  private Mono<Void> log(UUID id, String result, String detail) {
    var insert = database.sql("insert into delivery_attempt (delivery_id, result, detail) values (:id, :result, :detail)")
        .bind("id", id)
        .bind("result", result);
    return (detail == null ? insert.bindNull("detail", String.class) : insert.bind("detail", detail)).then();
  }
}
