package app.tend.infra.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load: each worker makes its next call as soon as the last one is answered, so
 * the load finds the most the target can answer (its saturation) with that many requests in
 * flight. A warm-up runs first and is not counted. The generator's own CPU use is measured over the
 * same window: a generator that used most of the machine was the bottleneck, and its figures say so.
 */
final class ClosedLoop {

  /** What a worker does next: a call answered with a status (2xx counts as answered, -1 for no answer). */
  @FunctionalInterface
  interface Operation {
    int call(int worker, long iteration) throws InterruptedException;
  }

  /** Each worker sends the request {@code requests} makes for it, on {@code client}. */
  static Operation http(HttpClient client, java.util.function.BiFunction<Integer, Long, HttpRequest> requests) {
    return (worker, iteration) -> {
      try {
        return client.send(requests.apply(worker, iteration), HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (IOException e) {
        return -1;
      }
    };
  }

  /**
   * What one load measured.
   *
   * @param answered requests answered 2xx in the measured window
   * @param statuses every other answer by status, -1 for no answer at all
   * @param perSecond answered per second
   * @param latencyMicros latencies of the answered requests
   * @param generatorCores how many cores the generator itself used meanwhile
   */
  record Result(long answered, Map<Integer, Long> statuses, double perSecond, Histogram latencyMicros, double generatorCores) {

    double percentileMillis(double percentile) {
      return millis(latencyMicros, percentile);
    }

    long failed() {
      return statuses.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private ClosedLoop() {}

  /** A percentile of microsecond latencies, in milliseconds; NaN when nothing was recorded. */
  static double millis(Histogram micros, double percentile) {
    return micros.getTotalCount() == 0 ? Double.NaN : micros.getValueAtPercentile(percentile) / 1000.0;
  }

  /**
   * Runs {@code workers} workers for {@code warmUp} and then {@code measured}; calls {@code
   * atTheStart} as the measured window opens and {@code atTheEnd} while the load still runs, just
   * before it stops (to read CPU and memory under load).
   */
  static Result run(int workers, Duration warmUp, Duration measured, Operation operation, Runnable atTheStart, Runnable atTheEnd) {
    var measuring = new AtomicBoolean();
    var stop = new AtomicBoolean();
    List<Worker> all = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      var worker = new Worker(w, operation, measuring, stop);
      all.add(worker);
      threads.add(Thread.ofVirtual().name("load-" + w).start(worker));
    }
    var cpu = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    sleep(warmUp);
    atTheStart.run();
    long cpuBefore = cpu.getProcessCpuTime();
    long started = System.nanoTime();
    measuring.set(true);
    sleep(measured);
    atTheEnd.run();
    measuring.set(false);
    long elapsed = System.nanoTime() - started;
    long cpuUsed = cpu.getProcessCpuTime() - cpuBefore;
    stop.set(true);
    threads.forEach(ClosedLoop::join);
    var latency = new Histogram(3_600_000_000L, 3);
    var statuses = new TreeMap<Integer, Long>();
    long answered = 0;
    for (var worker : all) {
      latency.add(worker.latency);
      answered += worker.answered;
      worker.statuses.forEach((status, count) -> statuses.merge(status, count, Long::sum));
    }
    double seconds = elapsed / 1e9;
    return new Result(answered, statuses, answered / seconds, latency, cpuUsed / (double) elapsed);
  }

  /** One worker; what it counts is its own, merged when the load has stopped. */
  private static final class Worker implements Runnable {
    final int index;
    final Operation operation;
    final AtomicBoolean measuring;
    final AtomicBoolean stop;
    final Histogram latency = new Histogram(3_600_000_000L, 3);
    final Map<Integer, Long> statuses = new TreeMap<>();
    long answered;

    Worker(int index, Operation operation, AtomicBoolean measuring, AtomicBoolean stop) {
      this.index = index;
      this.operation = operation;
      this.measuring = measuring;
      this.stop = stop;
    }

    @Override
    public void run() {
      for (long iteration = 0; !stop.get(); iteration++) {
        boolean counted = measuring.get();
        long sent = System.nanoTime();
        int status;
        try {
          status = operation.call(index, iteration);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        // Only requests sent and answered inside the window count: none straddles its edges.
        if (counted && measuring.get()) {
          if (status / 100 == 2) {
            answered++;
            latency.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
          } else {
            statuses.merge(status, 1L, Long::sum);
          }
        }
      }
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void join(Thread thread) {
    try {
      thread.join(Duration.ofSeconds(60));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
