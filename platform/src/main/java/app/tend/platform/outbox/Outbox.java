package app.tend.platform.outbox;

import app.tend.contracts.EventCodec;
import app.tend.contracts.EventEnvelope;
import app.tend.contracts.TendEvent;
import app.tend.platform.web.RequestIds;
import java.time.Clock;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * Records an event to publish, in the same transaction as the change it describes: either both are
 * stored or neither is. {@link OutboxRelay} publishes it to Kafka afterwards.
 */
public class Outbox {

  private final DatabaseClient database;
  private final EventCodec codec;
  private final Clock clock;
  private final OutboxRelay relay;
  private final TraceHeaders traceHeaders;

  Outbox(DatabaseClient database, EventCodec codec, Clock clock, OutboxRelay relay, TraceHeaders traceHeaders) {
    this.database = database;
    this.codec = codec;
    this.clock = clock;
    this.relay = relay;
    this.traceHeaders = traceHeaders;
  }

  /**
   * Appends {@code event}. Must run inside a transaction: outside one, the event could be stored
   * while the change it describes is not.
   */
  public Mono<EventEnvelope> append(TendEvent event, UUID clinicId, UUID aggregateId) {
    return TransactionSynchronizationManager.forCurrentTransaction()
        .onErrorMap(e -> new IllegalStateException("Outbox.append needs a transaction", e))
        .flatMap(
            transaction ->
                Mono.deferContextual(
                    context -> {
                      var envelope =
                          codec.envelope(event, clinicId, aggregateId, clock.instant(), RequestIds.of(context));
                      var insert =
                          database
                              .sql(
                                  """
                                  insert into outbox_event (event_id, topic, record_key, event_type, envelope, request_id, trace_headers)
                                  values (:eventId, :topic, :key, :type, :envelope, :requestId, :traceHeaders)
                                  """)
                              .bind("eventId", envelope.eventId())
                              .bind("topic", event.topic())
                              .bind("key", aggregateId.toString())
                              .bind("type", envelope.eventType())
                              .bind("envelope", codec.toJson(envelope));
                      insert =
                          envelope.requestId() == null
                              ? insert.bindNull("requestId", String.class)
                              : insert.bind("requestId", envelope.requestId());
                      String trace = traceHeaders.of(context);
                      insert = trace == null ? insert.bindNull("traceHeaders", String.class) : insert.bind("traceHeaders", trace);
                      return insert
                          .then()
                          .doOnSuccess(ignored -> transaction.registerSynchronization(relay.wakeAfterCommit()))
                          .thenReturn(envelope);
                    }));
  }

  /**
   * Deletes kept events that name {@code id}, e.g. the joins and preference changes of a partner who
   * erased their account. Call it before appending the event that must still go out about them.
   */
  public Mono<Void> forgetEventsAbout(UUID id) {
    return database.sql("delete from outbox_event where envelope like :id")
        .bind("id", "%" + id + "%")
        .then();
  }
}
