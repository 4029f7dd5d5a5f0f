package app.tend.infra.bench;

import app.tend.infra.servers.PostgresEndpoint;
import app.tend.infra.stack.DemoData;
import app.tend.infra.stack.DemoData.JoinedCouple;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;

/**
 * How long a partner waits to hear of the other's check-in: an open-loop load of check-ins through
 * the gateway, at a fixed rate whatever the answers take, and for each one that tells the partner
 * something, the time from the writer's answer to the partner's notification row. The path is the
 * whole of it: the outbox, its relay, Kafka, notification-service's consumer and its transaction.
 *
 * <p>Only a check-in that adds an appreciation tells the partner anew (changed ratings are no news,
 * and "checked in" comes once a day), so each writer alternates: words of appreciation, then none,
 * then words again. Every request is a real revision; every other one is an event the partner is told of.
 */
public final class EventToPartner {

  /**
   * What the load measured.
   *
   * @param requestsPerSecond the rate the check-ins were sent at (half of them tell the partner)
   * @param events events told to a partner in the measured window (answered 2xx)
   * @param latencyMicros answer → notification row, for those that arrived
   * @param missing events answered 2xx whose notification never came (within a minute of the end)
   * @param failedRequests requests not answered 2xx; their couple is left out of the matching
   * @param beforeTheAnswer notifications whose row was written before the writer had its answer (counted as 0)
   * @param processCores cores each of Tend's processes used in the measured window: an open loop's
   *     latency depends on what else the machine is doing, and here it is doing all the load's other work too
   */
  public record Result(double requestsPerSecond, long events, Histogram latencyMicros, long missing, long failedRequests,
      long beforeTheAnswer, Map<String, ProcessCpu.Cores> processCores) {}

  private static final Duration ARRIVAL_DEADLINE = Duration.ofMinutes(1);

  private EventToPartner() {}

  /**
   * Sends check-ins from each couple's first partner at {@code requestsPerSecond} in all, for
   * {@code warmUp} and then {@code measured}, and times the second partner's notifications; watches
   * the CPU of {@code processes} meanwhile.
   */
  static Result run(HttpClient client, String gatewayUrl, List<JoinedCouple> couples, List<String> writerTokens,
      PostgresEndpoint postgres, double requestsPerSecond, Duration warmUp, Duration measured, Map<String, Long> processes) {
    Instant start = Instant.now();
    long startNanos = System.nanoTime();
    long measureFrom = startNanos + warmUp.toNanos();
    long end = measureFrom + measured.toNanos();
    int writers = couples.size();
    var accepted = new ConcurrentHashMap<Integer, List<Accepted>>();
    var failed = new ConcurrentHashMap<Integer, Long>();
    List<Thread> threads = new ArrayList<>();
    var cpu = new ProcessCpu(processes);
    threads.add(Thread.ofVirtual().name("event-cpu").start(() -> {
      Pacing.sleepUntil(measureFrom);
      cpu.start();
      Pacing.sleepUntil(end);
      cpu.stop();
    }));
    for (int w = 0; w < writers; w++) {
      int writer = w;
      threads.add(Thread.ofVirtual().name("event-writer-" + w).start(() -> {
        List<Accepted> mine = new ArrayList<>();
        for (long k = 0; ; k++) {
          // The writer's own slots in one schedule for all: writers interleave evenly, at the rate asked for.
          long due = startNanos + (long) ((k * writers + writer) * 1e9 / requestsPerSecond);
          if (due >= end) {
            break;
          }
          Pacing.sleepUntil(due);
          boolean adds = k % 2 == 0;
          int status = send(client, checkIn(gatewayUrl, writerTokens.get(writer), adds));
          Instant answered = Instant.now();
          if (status / 100 != 2) {
            // Counted as failed in the window; outside it, the couple is still left out of the matching.
            failed.merge(writer, due >= measureFrom ? 1L : 0L, Long::sum);
            continue;
          }
          if (adds) {
            mine.add(new Accepted(answered, due >= measureFrom));
          }
        }
        accepted.put(writer, mine);
      }));
    }
    threads.forEach(Pacing::join);
    return matched(couples, accepted, failed, postgres, start, requestsPerSecond, cpu.cores());
  }

  /** One check-in that added an appreciation, answered at {@code at}; {@code counted} outside the warm-up. */
  private record Accepted(Instant at, boolean counted) {}

  /**
   * Pairs each couple's accepted check-ins with the partner's appreciation notifications, in order:
   * one couple's events travel on one partition and are handled in order. A couple with a failed
   * request may have a notification for it or not, so it is left out rather than guessed at.
   */
  private static Result matched(List<JoinedCouple> couples, Map<Integer, List<Accepted>> accepted, Map<Integer, Long> failed,
      PostgresEndpoint postgres, Instant start, double requestsPerSecond, Map<String, ProcessCpu.Cores> processCores) {
    var latency = new Histogram(3_600_000_000L, 3);
    long events = 0;
    long missing = 0;
    long early = 0;
    Map<UUID, Integer> expected = new HashMap<>();
    for (int w = 0; w < couples.size(); w++) {
      if (!failed.containsKey(w)) {
        expected.put(couples.get(w).secondId(), accepted.get(w).size());
      }
    }
    Map<UUID, List<Instant>> arrived = awaitNotifications(postgres, expected, start);
    for (int w = 0; w < couples.size(); w++) {
      if (failed.containsKey(w)) {
        continue;
      }
      List<Accepted> sent = accepted.get(w);
      List<Instant> notified = arrived.get(couples.get(w).secondId());
      for (int i = 0; i < sent.size(); i++) {
        if (!sent.get(i).counted()) {
          continue;
        }
        events++;
        if (i >= notified.size()) {
          missing++;
          continue;
        }
        long micros = Duration.between(sent.get(i).at(), notified.get(i)).toNanos() / 1000;
        if (micros < 0) {
          early++;
        }
        latency.recordValue(Math.max(0, micros));
      }
    }
    long failures = failed.values().stream().mapToLong(Long::longValue).sum();
    return new Result(requestsPerSecond, events, latency, missing, failures, early, processCores);
  }

  /** Each partner's appreciation notifications since {@code since}, oldest first, once all expected are there or a minute has passed. */
  private static Map<UUID, List<Instant>> awaitNotifications(PostgresEndpoint postgres, Map<UUID, Integer> expected, Instant since) {
    long deadline = System.nanoTime() + ARRIVAL_DEADLINE.toNanos();
    try (Connection notifications = DriverManager.getConnection(postgres.jdbcUrl("notifications"), postgres.username(), postgres.password());
        var query = notifications.prepareStatement(
            "select recipient_id, created_at from notification where kind = 'APPRECIATION' and recipient_id = any(?) and created_at >= ?"
                + " order by created_at")) {
      query.setArray(1, notifications.createArrayOf("uuid", expected.keySet().toArray()));
      query.setTimestamp(2, Timestamp.from(since));
      while (true) {
        Map<UUID, List<Instant>> arrived = new HashMap<>();
        expected.keySet().forEach(partner -> arrived.put(partner, new ArrayList<>()));
        try (var rows = query.executeQuery()) {
          while (rows.next()) {
            arrived.get(rows.getObject(1, UUID.class)).add(rows.getTimestamp(2).toInstant());
          }
        }
        boolean all = expected.entrySet().stream().allMatch(e -> arrived.get(e.getKey()).size() >= e.getValue());
        if (all || System.nanoTime() > deadline) {
          return arrived;
        }
        Thread.sleep(250);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the partners' notifications", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Today's check-in with the same ratings as before, with words of appreciation or without them. */
  private static HttpRequest checkIn(String gatewayUrl, String token, boolean withAppreciation) {
    String body = """
        {"day":"%s","followThrough":3,"empathicListening":3,"honesty":3,"mattering":3,"connected":4%s}"""
        .formatted(LocalDate.now(DemoData.LOAD_ZONE), withAppreciation ? ",\"appreciation\":\"Thank you for listening tonight.\"" : "");
    return BenchRun.putToday(gatewayUrl, token, body);
  }

  private static int send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (java.io.IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
