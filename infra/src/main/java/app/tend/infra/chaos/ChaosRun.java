package app.tend.infra.chaos;

import app.tend.infra.chaos.Attempt.Outcome;
import app.tend.infra.chaos.ChaosReport.Row;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Kills each part of Tend in turn while the load runs, starts it again, and measures how long until
 * writes were accepted again and the partners' feeds had caught up; then audits the databases for
 * every accepted write and every event.
 */
public final class ChaosRun {

  /**
   * @param warmUp load before the first kill
   * @param outage how long each part stays dead before it is started again
   * @param settle load after a part recovered, before the next kill
   * @param recoveryLimit how long recovery may take before the run calls it failed and moves on
   */
  public record Settings(Duration warmUp, Duration outage, Duration settle, Duration recoveryLimit) {}

  /** One part's outage, in {@link System#nanoTime()}; -1 for what did not happen within the recovery limit. */
  private record Window(String component, long killedAt, long restartedAt, long readyAt, long writesBackAt, long caughtUpAt) {

    /** The end of the outage: writes accepted again and the feeds caught up. */
    long recoveredAt() {
      return writesBackAt < 0 || caughtUpAt < 0 ? Long.MAX_VALUE : Math.max(writesBackAt, caughtUpAt);
    }

    boolean endedAfterTheKill(Attempt attempt) {
      return attempt.answeredAt() >= killedAt;
    }
  }

  private ChaosRun() {}

  public static ChaosReport run(ChaosLoad load, ChaosAudit audit, List<Fault> faults, Settings settings, Consumer<String> progress) {
    long began = System.nanoTime();
    List<Window> windows = new ArrayList<>();
    // Partners joined through accounts-service; their practice is refused until checkin-service has heard.
    if (await(settings.recoveryLimit(), () -> audit.partnersKnown() == load.partners()) < 0) {
      throw new IllegalStateException("checkin-service never heard of the load's partners");
    }
    load.start();
    try {
      sleep(settings.warmUp());
      for (Fault fault : faults) {
        progress.accept(Instant.now() + " kill -9 " + fault.component());
        long killedAt = System.nanoTime();
        fault.kill().run();
        sleep(settings.outage());
        progress.accept(Instant.now() + " restart " + fault.component());
        long restartedAt = System.nanoTime();
        Instant restartedInstant = Instant.now();
        fault.restart().run();
        long readyAt = System.nanoTime();
        long writesBackAt = await(settings.recoveryLimit(), () -> load.attempts().stream()
            .anyMatch(attempt -> attempt.outcome() == Outcome.ACCEPTED && attempt.sentAt() >= restartedAt));
        long caughtUpAt = await(settings.recoveryLimit(), () -> audit.eventsNotYetNotified(restartedInstant) == 0);
        windows.add(new Window(fault.component(), killedAt, restartedAt, readyAt, writesBackAt, caughtUpAt));
        progress.accept(Instant.now() + " " + fault.component() + " recovered");
        sleep(settings.settle());
      }
    } finally {
      load.close();
    }
    progress.accept("load stopped; waiting for the last events to reach the feeds");
    await(settings.recoveryLimit(), () -> audit.eventsNotYetNotified(Instant.now()) == 0);
    var attempts = load.attempts();
    var findings = audit.audit(attempts);

    List<Row> rows = new ArrayList<>();
    Map<Outcome, Long> outsideOutages = new EnumMap<>(Outcome.class);
    Map<Window, List<Attempt>> byOutage = new java.util.HashMap<>();
    for (Attempt attempt : attempts) {
      outageOf(attempt, windows).ifPresentOrElse(
          window -> byOutage.computeIfAbsent(window, w -> new ArrayList<>()).add(attempt),
          () -> outsideOutages.merge(attempt.outcome(), 1L, Long::sum));
    }
    for (Window window : windows) {
      Map<Outcome, Long> during = new EnumMap<>(Outcome.class);
      Map<Integer, Long> errorStatuses = new java.util.TreeMap<>();
      byOutage.getOrDefault(window, List.of())
          .forEach(attempt -> {
            during.merge(attempt.outcome(), 1L, Long::sum);
            if (attempt.outcome() == Outcome.OTHER_ERROR || attempt.outcome() == Outcome.REFUSED) {
              errorStatuses.merge(attempt.status(), 1L, Long::sum);
            }
          });
      rows.add(new Row(window.component(), seconds(window.restartedAt() - window.killedAt()), seconds(window.readyAt() - window.restartedAt()),
          window.writesBackAt() < 0 ? -1 : seconds(window.writesBackAt() - window.restartedAt()),
          window.caughtUpAt() < 0 ? -1 : seconds(window.caughtUpAt() - window.restartedAt()), during, errorStatuses));
    }
    return new ChaosReport(rows, findings, outsideOutages, attempts.size(), seconds(System.nanoTime() - began), load.connectionsLost());
  }

  /**
   * The outage a request belongs to: the last kill before it ended (a request in flight at a kill
   * belongs to that kill, even while the one before was still recovering), if it was sent before
   * that part had recovered.
   */
  private static java.util.Optional<Window> outageOf(Attempt attempt, List<Window> windows) {
    return windows.stream()
        .filter(window -> window.endedAfterTheKill(attempt))
        .reduce((earlier, later) -> later)
        .filter(window -> attempt.sentAt() <= window.recoveredAt());
  }

  /** When {@code condition} first held, in {@link System#nanoTime()}, or -1 when it did not within {@code limit}. */
  private static long await(Duration limit, BooleanSupplier condition) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (condition.getAsBoolean()) {
          return System.nanoTime();
        }
      } catch (RuntimeException e) {
        // The database may itself be the part that is still coming back.
      }
      sleep(Duration.ofMillis(250));
    }
    return -1;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
