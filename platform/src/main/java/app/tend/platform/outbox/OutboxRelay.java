package app.tend.platform.outbox;

import app.tend.contracts.TendHeaders;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionSynchronization;
import reactor.core.publisher.Mono;

/**
 * Publishes outbox rows to Kafka, oldest first, and marks them published.
 *
 * <p>Only the instance that holds the lease publishes, so events leave in the order of their ids as
 * far as they have committed (a row whose transaction commits late leaves with the next batch). A row is marked only after Kafka acknowledged it (acks=all, idempotent producer); a crash
 * between the two publishes it again, which consumers absorb (at-least-once). The relay is woken
 * right after a commit and otherwise polls, so an event normally leaves within milliseconds.
 *
 * <p>The lease holder also deletes rows published longer ago than {@code tend.outbox.keep-published}
 * (7 days, Kafka's default retention): past that, the event is only a second copy of what the
 * service's own tables hold, ratings included, and the table would otherwise grow with every write
 * (and an erasure, which looks through every envelope, with it). An unpublished row is never
 * deleted, however old.
 */
public class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final int BATCH = 200;
  private static final Duration LEASE = Duration.ofSeconds(15);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration AFTER_FAILURE = Duration.ofSeconds(1);
  private static final Duration MEASURE_EVERY = Duration.ofSeconds(5);
  private static final int PRUNE_BATCH = 1000;

  private final DatabaseClient database;
  private final KafkaTemplate<String, byte[]> kafka;
  private final String holder = UUID.randomUUID().toString();
  private final Semaphore wakeUp = new Semaphore(0);
  private final AtomicLong backlog = new AtomicLong();
  private final AtomicLong oldestAgeMillis = new AtomicLong();
  private final Duration keepPublished;
  private final Duration pruneEvery;
  private long lastMeasured;
  private long nextPrune = System.nanoTime();
  private volatile boolean running;
  private Thread worker;

  OutboxRelay(DatabaseClient database, KafkaTemplate<String, byte[]> kafka, MeterRegistry meters,
      @Value("${tend.outbox.keep-published:7d}") Duration keepPublished,
      @Value("${tend.outbox.prune-every:5m}") Duration pruneEvery) {
    this.database = database;
    this.kafka = kafka;
    if (!keepPublished.isPositive() || !pruneEvery.isPositive()) {
      throw new IllegalArgumentException("tend.outbox.keep-published and tend.outbox.prune-every must be positive");
    }
    this.keepPublished = keepPublished;
    this.pruneEvery = pruneEvery;
    Gauge.builder("tend.outbox.backlog", backlog, AtomicLong::get)
        .description("Outbox rows not yet acknowledged by Kafka")
        .baseUnit("events")
        .register(meters);
    Gauge.builder("tend.outbox.oldest.age", oldestAgeMillis, millis -> millis.get() / 1000.0)
        .description("How long the oldest unpublished outbox row has waited; grows while Kafka is away")
        .baseUnit("seconds")
        .register(meters);
  }

  /** A transaction synchronization that wakes the relay once the transaction has committed. */
  TransactionSynchronization wakeAfterCommit() {
    return new TransactionSynchronization() {
      @Override
      public Mono<Void> afterCommit() {
        wakeUp.release();
        return Mono.empty();
      }
    };
  }

  @Override
  public void start() {
    running = true;
    worker = Thread.ofPlatform().daemon().name("outbox-relay").start(this::run);
  }

  @Override
  public void stop() {
    running = false;
    wakeUp.release();
    try {
      // Lets a batch in flight finish, so a graceful shutdown publishes what it took.
      worker.join(Duration.ofSeconds(20));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    releaseLease();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void run() {
    while (running) {
      Duration pause = POLL;
      try {
        measureBacklog();
        if (holdsLease()) {
          int published = publishBatch();
          boolean morePruning = pruneIfDue();
          if (published == BATCH || morePruning) {
            pause = Duration.ZERO;
          }
        }
      } catch (Exception e) {
        log.warn("outbox relay could not publish ({}); will retry", e.getClass().getSimpleName());
        pause = AFTER_FAILURE;
      }
      try {
        if (!pause.isZero() && wakeUp.tryAcquire(pause.toMillis(), TimeUnit.MILLISECONDS)) {
          wakeUp.drainPermits();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * Counts what waits, every few seconds, on every instance (not only the lease holder's), so the
   * figures stay true whichever replica Prometheus asks and while Kafka refuses every send.
   */
  private void measureBacklog() {
    long now = System.nanoTime();
    if (lastMeasured != 0 && now - lastMeasured < MEASURE_EVERY.toNanos()) {
      return;
    }
    lastMeasured = now;
    database
        .sql(
            "select count(*) as waiting, coalesce((extract(epoch from now() - min(created_at)) * 1000)::bigint, 0) as oldest"
                + " from outbox_event where published_at is null")
        .map(row -> {
          backlog.set(row.get("waiting", Long.class));
          oldestAgeMillis.set(row.get("oldest", Long.class));
          return true;
        })
        .one()
        .block(Duration.ofSeconds(10));
  }

  private boolean holdsLease() {
    return Boolean.TRUE.equals(
        database
            .sql(
                """
                insert into outbox_lease (name, holder, expires_at) values ('relay', :holder, now() + make_interval(secs => :seconds))
                on conflict (name) do update set holder = excluded.holder, expires_at = excluded.expires_at
                where outbox_lease.holder = excluded.holder or outbox_lease.expires_at < now()
                returning true as held
                """)
            .bind("holder", holder)
            .bind("seconds", (double) LEASE.toSeconds())
            .map(row -> row.get("held", Boolean.class))
            .one()
            .defaultIfEmpty(false)
            .block(Duration.ofSeconds(10)));
  }

  /**
   * Deletes up to a batch of rows published longer ago than the retention, when due.
   *
   * @return whether it deleted a full batch, so that more may be waiting
   */
  private boolean pruneIfDue() {
    long now = System.nanoTime();
    if (now - nextPrune < 0) {
      return false;
    }
    // Set first, so a failing delete waits its turn rather than holding up every batch after it.
    nextPrune = now + pruneEvery.toNanos();
    long deleted =
        database
            .sql(
                """
                delete from outbox_event where id in (
                  select id from outbox_event where published_at < now() - make_interval(secs => :keep)
                  order by published_at limit :limit)
                """)
            .bind("keep", (double) keepPublished.toSeconds())
            .bind("limit", PRUNE_BATCH)
            .fetch()
            .rowsUpdated()
            .block(Duration.ofSeconds(30));
    if (deleted > 0) {
      log.info("deleted {} outbox events published more than {} ago", deleted, keepPublished);
    }
    if (deleted < PRUNE_BATCH) {
      return false;
    }
    nextPrune = now;
    return true;
  }

  private void releaseLease() {
    try {
      database.sql("delete from outbox_lease where name = 'relay' and holder = :holder")
          .bind("holder", holder)
          .then()
          .block(Duration.ofSeconds(5));
    } catch (Exception e) {
      log.debug("lease not released; it expires by itself", e);
    }
  }

  private int publishBatch() throws Exception {
    List<PendingEvent> pending =
        database
            .sql(
                "select id, topic, record_key, envelope, request_id, event_type, trace_headers from outbox_event"
                    + " where published_at is null order by id limit :limit")
            .bind("limit", BATCH)
            .map(row -> new PendingEvent(
                row.get("id", Long.class), row.get("topic", String.class), row.get("record_key", String.class),
                row.get("envelope", String.class), row.get("request_id", String.class), row.get("event_type", String.class),
                row.get("trace_headers", String.class)))
            .all()
            .collectList()
            .block(Duration.ofSeconds(10));
    if (pending.isEmpty()) {
      return 0;
    }
    List<CompletableFuture<?>> sends = new ArrayList<>(pending.size());
    for (PendingEvent event : pending) {
      var record = new ProducerRecord<>(event.topic(), event.key(), event.envelope().getBytes(StandardCharsets.UTF_8));
      record.headers().add(TendHeaders.KAFKA_EVENT_TYPE, event.type().getBytes(StandardCharsets.UTF_8));
      if (event.requestId() != null && !event.requestId().isEmpty()) {
        record.headers().add(TendHeaders.KAFKA_REQUEST_ID, event.requestId().getBytes(StandardCharsets.UTF_8));
      }
      TraceHeaders.decode(event.traceHeaders())
          .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
      sends.add(kafka.send(record));
    }
    // Marks the acknowledged prefix only: what follows a failure is sent again, in order.
    int acknowledged = 0;
    for (CompletableFuture<?> send : sends) {
      try {
        send.get(30, TimeUnit.SECONDS);
        acknowledged++;
      } catch (Exception e) {
        break;
      }
    }
    if (acknowledged > 0) {
      // Exactly the rows sent, never "every id up to the last": ids are taken at insert but become
      // visible at commit, so a row with a smaller id can commit after this batch was read. Marking
      // it too would lose it; the chaos run found exactly that under concurrent writes.
      Long[] sent = pending.subList(0, acknowledged).stream().map(PendingEvent::id).toArray(Long[]::new);
      database.sql("update outbox_event set published_at = now() where id = any(:sent)")
          .bind("sent", sent)
          .then()
          .block(Duration.ofSeconds(10));
    }
    if (acknowledged < pending.size()) {
      throw new IllegalStateException("Kafka did not acknowledge every event");
    }
    return acknowledged;
  }

  private record PendingEvent(
      long id, String topic, String key, String envelope, String requestId, String type, String traceHeaders) {}
}
