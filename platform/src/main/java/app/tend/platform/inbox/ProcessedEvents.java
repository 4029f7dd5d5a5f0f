package app.tend.platform.inbox;

import app.tend.contracts.EventEnvelope;
import app.tend.platform.web.RequestIds;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The idempotent-consumer record of one consumer group. Claiming an event id inside the transaction
 * of its side effect makes a redelivered event change nothing: the second claim finds the row and
 * answers false. Each group claims under its own name, so a digest's claims are never mistaken for
 * the partner nudges' of the same events.
 */
class ProcessedEvents {

  private static final Logger log = LoggerFactory.getLogger(ProcessedEvents.class);

  private final DatabaseClient database;
  private final String consumer;
  private final TransactionalOperator transaction;

  ProcessedEvents(DatabaseClient database, String consumer, TransactionalOperator transaction) {
    this.database = database;
    this.consumer = consumer;
    this.transaction = transaction;
  }

  /**
   * Runs {@code effect} for the first delivery of {@code envelope} only: the claim and the effect
   * share one transaction, and the listener's thread waits for its commit, so the offset is never
   * committed ahead of the effect. Its log line carries the request id that caused the event, so
   * a request can be followed from the gateway to here.
   *
   * @param done what the effect did, for the log line
   */
  void once(EventEnvelope envelope, String done, Supplier<Mono<Void>> effect) {
    try (var ignored = MDC.putCloseable(RequestIds.KEY, envelope.requestId())) {
      boolean first = Boolean.TRUE.equals(claim(envelope.eventId())
          .flatMap(isFirst -> isFirst ? effect.get().thenReturn(true) : Mono.just(false))
          .as(transaction::transactional)
          // The listener's trace and the event's request id, from this thread to wherever the chain runs.
          .contextCapture()
          .block(Duration.ofSeconds(30)));
      log.info("{}: {} {} of {}", first ? done : "already handled", envelope.eventType(), envelope.eventId(), envelope.aggregateId());
    }
  }

  /** True the first time {@code eventId} is claimed; must run in the side effect's transaction. */
  Mono<Boolean> claim(UUID eventId) {
    return database
        .sql("insert into processed_event (consumer, event_id) values (:consumer, :eventId) on conflict do nothing")
        .bind("consumer", consumer)
        .bind("eventId", eventId)
        .fetch()
        .rowsUpdated()
        .map(rows -> rows == 1);
  }
}
