package app.tend.notifications.platform.messaging;

import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The idempotent-consumer record. Claiming an event id inside the transaction of its side effect
 * makes a redelivered event change nothing: the second claim finds the row and answers false.
 */
@Component
public class ProcessedEvents {

  private final DatabaseClient database;
  private final String consumer;

  ProcessedEvents(DatabaseClient database, @Value("${spring.application.name}") String consumer) {
    this.database = database;
    this.consumer = consumer;
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
