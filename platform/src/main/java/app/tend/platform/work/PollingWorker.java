package app.tend.platform.work;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Work that this service finds in PostgreSQL rather than receives: due reminders, due digests,
 * e-mails to send. One virtual thread per kind of work takes a batch, and looks again at once while
 * batches come back full, or after a rest when there was less: the poll interval, or less where the
 * work knows when its next item falls due. Stopping lets a batch in hand finish, so its claim does
 * not have to run out.
 */
public abstract class PollingWorker implements SmartLifecycle {

  protected final Logger log = LoggerFactory.getLogger(getClass());
  private final String name;
  private final boolean enabled;
  private final Duration pollInterval;
  private final int batchSize;
  private volatile boolean running;
  private Thread worker;

  protected PollingWorker(String name, boolean enabled, Duration pollInterval, int batchSize) {
    this.name = name;
    this.enabled = enabled;
    this.pollInterval = pollInterval;
    this.batchSize = batchSize;
  }

  /** Handles one batch of at most {@code batchSize} items; answers how many it took. */
  protected abstract int handleOneBatch();

  /** Called when a batch came back short, before the pause: e.g. to refresh a gauge. */
  protected void caughtUp() {}

  /**
   * How long to rest after a short batch. The poll interval unless the work knows its next item is
   * due sooner; what arrives meanwhile is found after at most the poll interval.
   */
  protected Duration restAfterShortBatch(Duration pollInterval) {
    return pollInterval;
  }

  /** Called once on the worker's thread before its first batch. */
  protected void beforeFirstBatch() {}

  @Override
  public void start() {
    if (!enabled) {
      log.info("{} is off on this instance", name);
      return;
    }
    running = true;
    worker = Thread.ofVirtual().name(name).start(this::run);
  }

  private void run() {
    try {
      beforeFirstBatch();
    } catch (RuntimeException e) {
      log.warn("{} could not prepare, going on without: {}", name, e.toString());
    }
    while (running) {
      try {
        if (handleOneBatch() < batchSize) {
          caughtUp();
          LockSupport.parkNanos(restAfterShortBatch(pollInterval).toNanos());
        }
      } catch (RuntimeException e) {
        // A claim made before the failure lapses by itself; this instance or another takes it over.
        log.warn("{} failed, trying again shortly: {}", name, e.toString());
        LockSupport.parkNanos(pollInterval.toNanos());
      }
    }
  }

  @Override
  public void stop() {
    running = false;
    if (worker != null) {
      LockSupport.unpark(worker);
      try {
        worker.join(Duration.ofSeconds(20));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
