package app.tend.checkins.platform.messaging;

import app.tend.checkins.platform.web.RequestIds;
import app.tend.contracts.EventEnvelope;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The idempotent-consumer record. Claiming an event id inside the transaction of its side effect
 * makes a redelivered event change nothing: the second claim finds the row and answers false.
 */
@Component
public class ProcessedEvents {

  private final DatabaseClient database;
  private final String consumer;
  private final TransactionalOperator transaction;

  ProcessedEvents(DatabaseClient database, @Value("${spring.application.name}") String consumer, TransactionalOperator transaction) {
    this.database = database;
    this.consumer = consumer;
    this.transaction = transaction;
  }

  /**
   * Runs {@code effect} for the first delivery of {@code envelope} only: the claim and the effect
   * share one transaction, and the listener's thread waits for its commit, so the offset is never
   * committed ahead of the effect. Log lines meanwhile carry the request id that caused the event.
   */
  public void once(EventEnvelope envelope, Supplier<Mono<Void>> effect) {
    try (var ignored = MDC.putCloseable(RequestIds.KEY, envelope.requestId())) {
      claim(envelope.eventId())
          .flatMap(first -> first ? effect.get() : Mono.empty())
          .as(transaction::transactional)
          // The listener's trace and the event's request id, from this thread to wherever the chain runs.
          .contextCapture()
          .block(Duration.ofSeconds(30));
    }
  }

  /** True the first time {@code eventId} is claimed; must run in the side effect's transaction. */
  public Mono<Boolean> claim(UUID eventId) {
    return database
        .sql("insert into processed_event (consumer, event_id) values (:consumer, :eventId) on conflict do nothing")
        .bind("consumer", consumer)
        .bind("eventId", eventId)
        .fetch()
        .rowsUpdated()
        .map(rows -> rows == 1);
  }
}
