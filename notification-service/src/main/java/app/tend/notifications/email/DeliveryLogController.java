package app.tend.notifications.email;

import app.tend.platform.security.Caller;
import app.tend.platform.security.CurrentCaller;
import app.tend.platform.web.NotFoundException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The delivery log for the platform's operators: how many notifications went out on each channel
 * and how, and the latest deliveries with every try. It shows kinds, states and times, never whom a
 * notification was for or what it said.
 */
@RestController
@RequestMapping("/api/notifications/deliveries")
class DeliveryLogController {

  private static final Set<String> STATES = Set.of("PENDING", "SENT", "SKIPPED", "FAILED");

  private final DatabaseClient database;

  DeliveryLogController(DatabaseClient database) {
    this.database = database;
  }

  record Count(String channel, String state, long deliveries) {}

  record Attempt(Instant at, String result, String detail) {}

  record Delivery(UUID id, UUID clinicId, String kind, String channel, String state, int attempts, Instant createdAt, Instant finishedAt,
                  List<Attempt> tries) {}

  record DeliveryLog(List<Count> lastDay, List<Delivery> latest) {}

  /** Counts of the last 24 hours, and the latest 100 deliveries (of one state when asked). */
  @GetMapping
  Mono<DeliveryLog> log(@RequestParam(required = false) String state) {
    return CurrentCaller.get()
        .filter(caller -> caller.has(Caller.PLATFORM_ADMIN))
        .switchIfEmpty(Mono.error(() -> new NotFoundException("There is nothing here for you.")))
        .flatMap(caller -> {
          if (state != null && !STATES.contains(state)) {
            return Mono.error(new NotFoundException("There is no such delivery state."));
          }
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
              .bind("state", state == null ? "" : state)
              .map(row -> {
                Long[] triedAt = row.get("tried_at", Long[].class);
                String[] results = row.get("results", String[].class);
                String[] details = row.get("details", String[].class);
                List<Attempt> tries = new java.util.ArrayList<>();
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
          return Mono.zip(counts, latest, DeliveryLog::new);
        });
  }
}
