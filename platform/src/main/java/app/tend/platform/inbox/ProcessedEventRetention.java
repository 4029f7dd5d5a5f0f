package app.tend.platform.inbox;

import app.tend.platform.work.PollingWorker;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Forgets the claims of events handled longer ago than {@code tend.processed-events.keep} (30
 * days). A claim only has to outlive every redelivery of its event, and Kafka keeps a record for its
 * topic's retention (7 days by default), so older claims only make the table grow with every event.
 * Replicas may all do this: a claim deleted twice is deleted once.
 */
public class ProcessedEventRetention extends PollingWorker {

  private static final int BATCH = 10_000;

  private final DatabaseClient database;
  private final Duration keep;

  ProcessedEventRetention(DatabaseClient database, @Value("${tend.processed-events.keep:30d}") Duration keep,
      @Value("${tend.processed-events.prune-every:1h}") Duration pruneEvery) {
    super("processed-event-retention", true, pruneEvery, BATCH);
    if (!keep.isPositive()) {
      throw new IllegalArgumentException("tend.processed-events.keep must be positive");
    }
    this.database = database;
    this.keep = keep;
  }

  @Override
  protected int handleOneBatch() {
    Long deleted = database
        .sql(
            """
            delete from processed_event where (consumer, event_id) in (
              select consumer, event_id from processed_event where processed_at < now() - make_interval(secs => :keep)
              limit :limit)
            """)
        .bind("keep", (double) keep.toSeconds())
        .bind("limit", BATCH)
        .fetch()
        .rowsUpdated()
        .block(Duration.ofSeconds(60));
    if (deleted != null && deleted > 0) {
      log.info("forgot {} events handled more than {} ago", deleted, keep);
    }
    return deleted == null ? 0 : deleted.intValue();
  }
}
