package app.tend.infra.bench;

import java.time.Duration;

/** Waiting in the open-loop loads: a send due at an instant, a worker thread to finish. */
final class Pacing {

  private Pacing() {}

  /** Sleeps until {@code nanoTime} ({@link System#nanoTime}); at once if it has passed. */
  static void sleepUntil(long nanoTime) {
    long wait = nanoTime - System.nanoTime();
    if (wait > 0) {
      try {
        Thread.sleep(Duration.ofNanos(wait));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  static void join(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
