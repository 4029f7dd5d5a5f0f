package app.tend.infra.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Waits for the machine to go quiet before a load, from Linux's {@code /proc/stat}: the events that
 * one load's writes set off (notifications, the outbox relay, Kafka) are still being worked off
 * when the next load starts, and would be measured against it.
 */
final class QuietMachine {

  /** Quiet: less than this share of all cores busy over a second. */
  private static final double QUIET = 0.15;

  private QuietMachine() {}

  /**
   * Waits until a second passes with the machine quiet, or {@code atMost}.
   *
   * @return the share of the machine busy in the last second measured
   */
  static double await(Duration atMost) {
    long deadline = System.nanoTime() + atMost.toNanos();
    double busy;
    do {
      long[] before = cpuTicks();
      sleep();
      long[] after = cpuTicks();
      long total = after[0] - before[0];
      busy = total == 0 ? 0 : (double) (after[1] - before[1]) / total;
    } while (busy >= QUIET && System.nanoTime() < deadline);
    return busy;
  }

  /** All ticks and busy ticks since boot, summed over the cores: {total, busy}. */
  private static long[] cpuTicks() {
    try {
      String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < fields.length; i++) {
        total += Long.parseLong(fields[i]);
      }
      // user nice system idle iowait irq softirq …: idle and iowait are the quiet ones.
      long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
      return new long[] {total, total - idle};
    } catch (IOException | RuntimeException e) {
      // Not Linux: nothing to wait for that can be read.
      return new long[] {0, 0};
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(Duration.ofSeconds(1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
