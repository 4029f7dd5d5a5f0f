package app.tend.notifications.email;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The deliveries of notifications and their tries, as the operators' delivery log shows them. */
@Repository
class DeliveryLog {

  private final DatabaseClient database;

  DeliveryLog(DatabaseClient database) {
    this.database = database;
  }

  record Count(String channel, String state, long deliveries) {}

  record Attempt(Instant at, String result, String detail) {}

  record Delivery(UUID id, UUID clinicId, String kind, String channel, String state, int attempts, Instant createdAt, Instant finishedAt,
                  List<Attempt> tries) {}

  record Summary(List<Count> lastDay, List<Delivery> latest) {}

  /** Counts of the last 24 hours by channel and state, and the latest 100 deliveries ({@code state} "" for all). */
  Mono<Summary> summary(String state) {
    Mono<List<Count>> counts = database
        .sql("select channel, state, count(*) from delivery where created_at > now() - interval '1 day' group by channel, state order by 1, 2")
        .map(row -> new Count(row.get(0, String.class), row.get(1, String.class), row.get(2, Long.class)))
        .all()
        .collectList();
    Mono<List<Delivery>> latest = database
        .sql(
            """
            select d.id, n.clinic_id, n.kind, d.channel, d.state, d.attempts, d.created_at, d.finished_at,
                   coalesce(array_agg((extract(epoch from a.attempted_at) * 1000)::bigint order by a.attempted_at) filter (where a.delivery_id is not null), '{}') as tried_at,
                   coalesce(array_agg(a.result order by a.attempted_at) filter (where a.delivery_id is not null), '{}') as results,
                   coalesce(array_agg(coalesce(a.detail, '') order by a.attempted_at) filter (where a.delivery_id is not null), '{}') as details
            from delivery d join notification n on n.id = d.notification_id
                 left join delivery_attempt a on a.delivery_id = d.id
            where (:state = '' or d.state = :state)
            group by d.id, n.clinic_id, n.kind
            order by d.created_at desc, d.id limit 100
            """)
        .bind("state", state)
        .map(row -> {
          Long[] triedAt = row.get("tried_at", Long[].class);
          String[] results = row.get("results", String[].class);
          String[] details = row.get("details", String[].class);
          List<Attempt> tries = new ArrayList<>();
          for (int i = 0; i < triedAt.length; i++) {
            tries.add(new Attempt(Instant.ofEpochMilli(triedAt[i]), results[i], details[i].isEmpty() ? null : details[i]));
          }
          OffsetDateTime finished = row.get("finished_at", OffsetDateTime.class);
          return new Delivery(row.get("id", UUID.class), row.get("clinic_id", UUID.class), row.get("kind", String.class),
              row.get("channel", String.class), row.get("state", String.class), row.get("attempts", Integer.class),
              row.get("created_at", OffsetDateTime.class).toInstant(), finished == null ? null : finished.toInstant(), tries);
        })
        .all()
        .collectList();
    return Mono.zip(counts, latest, Summary::new);
  }
}
