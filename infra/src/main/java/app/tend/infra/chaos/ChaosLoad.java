package app.tend.infra.chaos;

import app.tend.infra.chaos.Attempt.Outcome;
import app.tend.infra.chaos.Attempt.Write;
import app.tend.infra.servers.KeycloakAdmin;
import app.tend.infra.stack.DemoData;
import app.tend.infra.stack.DemoData.JoinedCouple;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The work partners do while the chaos run breaks things: each couple, on a thread of its own and
 * through the gateway, checks in (both partners), makes and withdraws a commitment, and takes a
 * repair from opening to both partners feeling repaired. Every request and what it got is kept, so
 * the audit afterwards can look for every accepted write.
 */
public final class ChaosLoad implements AutoCloseable {

  /** Longer than the gateway's own 30 s response timeout: a request without an answer by then hangs. */
  static final Duration HANG = Duration.ofSeconds(40);
  /** A token is fetched again after this; while Keycloak is down the older one (valid 5 min) serves. */
  private static final Duration TOKEN_REFRESH = Duration.ofMinutes(2);

  private final String gateway;
  private final KeycloakAdmin keycloak;
  private final List<JoinedCouple> couples;
  private final Duration pause;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final JsonMapper json = JsonMapper.builder().build();
  private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<String> connectionsLost = new ConcurrentLinkedQueue<>();
  private final List<Thread> workers = new ArrayList<>();
  private volatile boolean running;

  private record Token(String value, long fetchedAt) {}

  /**
   * @param pause the pause after each request of a couple, which keeps each partner well under the
   *     gateway's rate limit
   */
  public ChaosLoad(String gatewayUrl, KeycloakAdmin keycloak, List<JoinedCouple> couples, Duration pause) {
    this.gateway = gatewayUrl;
    this.keycloak = keycloak;
    this.couples = couples;
    this.pause = pause;
  }

  public synchronized void start() {
    running = true;
    for (JoinedCouple couple : couples) {
      workers.add(Thread.ofVirtual().name("chaos-" + couple.firstEmail()).start(() -> practise(couple)));
    }
  }

  /** Stops the load and waits for every request in flight to end. */
  @Override
  public synchronized void close() {
    running = false;
    for (Thread worker : workers) {
      try {
        worker.join(HANG.plusSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    workers.clear();
  }

  /** How many partners practise. */
  public int partners() {
    return couples.size() * 2;
  }

  /** When and how each lost connection broke, for the report: the outcome alone does not say why. */
  public List<String> connectionsLost() {
    return List.copyOf(connectionsLost);
  }

  /** Every request so far, in the order they ended. */
  public List<Attempt> attempts() {
    return List.copyOf(attempts);
  }

  private void practise(JoinedCouple couple) {
    for (int round = 1; running; round++) {
      checkIn(couple.firstEmail(), couple.firstId(), round);
      checkIn(couple.secondEmail(), couple.secondId(), round);
      commitment(couple, round);
      repair(couple, round);
    }
  }

  /**
   * Today's check-in, its ratings encoding {@code round} so the audit can tell which request the
   * stored row came from. Every other round brings an appreciation, so the partner is notified.
   */
  private void checkIn(String email, UUID partnerId, int round) {
    LocalDate day = LocalDate.now(DemoData.LOAD_ZONE);
    var body = new java.util.LinkedHashMap<String, Object>(Map.of("day", day.toString(),
        "followThrough", round % 5, "empathicListening", round / 5 % 5, "honesty", round / 25 % 5,
        "mattering", round / 125 % 5, "connected", 1 + round / 625 % 5));
    if (round % 2 == 1) {
      body.put("appreciation", "thank you for round " + round);
    }
    // A check-in that got no answer may still have been stored: the audit must accept its ratings too.
    var write = new Write.Checkin(partnerId, day, round);
    send(email, "check in", "PUT", "/api/checkins/today", body, answer -> write, write);
  }

  private void commitment(JoinedCouple couple, int round) {
    var made = send(couple.firstEmail(), "make commitment", "POST", "/api/checkins/commitments",
        Map.of("words", "text when I'm late, round " + round, "schedule", Map.of("kind", "DAILY", "time", "18:00")),
        answer -> new Write.CommitmentMade(id(answer)));
    if (made.write() instanceof Write.CommitmentMade(UUID id)) {
      send(couple.firstEmail(), "withdraw commitment", "DELETE", "/api/checkins/commitments/" + id, null,
          answer -> new Write.CommitmentWithdrawn(id));
    }
  }

  /** A whole repair, step by step in turn; after a step that is not accepted the next round starts a new one. */
  private void repair(JoinedCouple couple, int round) {
    var opened = send(couple.firstEmail(), "open repair", "POST", "/api/checkins/repairs",
        Map.of("category", "BROKEN_PROMISE", "seriousness", 2, "iWasHurt", true), answer -> new Write.RepairOpened(id(answer)));
    if (!(opened.write() instanceof Write.RepairOpened(UUID repair))) {
      return;
    }
    String path = "/api/checkins/repairs/" + repair;
    String inAMonth = LocalDate.now(DemoData.LOAD_ZONE).plusDays(30).toString();
    record Step(String email, UUID partner, String name, String kind, Object body) {}
    var steps = List.of(
        new Step(couple.firstEmail(), couple.firstId(), "/impact", "IMPACT_DESCRIBED", Map.of("words", "I felt let down, round " + round)),
        new Step(couple.secondEmail(), couple.secondId(), "/acknowledgement", "ACKNOWLEDGED", Map.of("words", "I hear you, round " + round)),
        new Step(couple.secondEmail(), couple.secondId(), "/actions", "ACTIONS_PROPOSED", Map.of("actions", List.of(Map.of(
            "words", "check the calendar together, round " + round, "schedule", Map.of("kind", "ONCE", "date", inAMonth, "time", "18:00"))))),
        new Step(couple.firstEmail(), couple.firstId(), "/agreement", "ACTIONS_AGREED", Map.of("agreed", true)),
        new Step(couple.firstEmail(), couple.firstId(), "/feels-repaired", "FEELS_REPAIRED", null),
        new Step(couple.secondEmail(), couple.secondId(), "/feels-repaired", "FEELS_REPAIRED", null));
    for (Step step : steps) {
      var taken = send(step.email(), "repair step", "POST", path + step.name(), step.body(),
          answer -> new Write.RepairStep(repair, step.kind(), step.partner()));
      if (taken.outcome() != Outcome.ACCEPTED || !running) {
        return;
      }
    }
  }

  private static UUID id(JsonNode answer) {
    return UUID.fromString(answer.get("id").asString());
  }

  /** Sends one request whose write has no id until it is answered. */
  private Attempt send(String email, String operation, String method, String path, Object body, Function<JsonNode, Write> written) {
    return send(email, operation, method, path, body, written, new Write.Unknown());
  }

  /**
   * Sends one request, keeps what came of it and pauses.
   *
   * @param written reads what an accepted answer says was written
   * @param mayHaveWritten what the request may have written when its answer was lost or was an error
   */
  private Attempt send(String email, String operation, String method, String path, Object body, Function<JsonNode, Write> written,
      Write mayHaveWritten) {
    long sent = System.nanoTime();
    Attempt attempt;
    try {
      var request = HttpRequest.newBuilder(URI.create(gateway + path))
          .timeout(HANG)
          .header("Authorization", "Bearer " + token(email))
          .header("Content-Type", "application/json")
          // One connection per request: a kept-alive connection can stall after a refusal (see
          // CloseAfterRefusal in the services), which would read as a hang here.
          .header("Connection", "close")
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
          .build();
      var response = http.send(request, HttpResponse.BodyHandlers.ofString());
      int status = response.statusCode();
      boolean problem = response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
      if (status / 100 == 2) {
        var answer = response.body().isEmpty() ? null : json.readTree(response.body());
        attempt = new Attempt(operation, sent, System.nanoTime(), Outcome.ACCEPTED, status, written.apply(answer));
      } else {
        Outcome outcome = status == 503 && problem ? Outcome.UNAVAILABLE : status / 100 == 4 && problem ? Outcome.REFUSED : Outcome.OTHER_ERROR;
        attempt = new Attempt(operation, sent, System.nanoTime(), outcome, status, mayHaveWritten);
      }
    } catch (HttpTimeoutException e) {
      attempt = new Attempt(operation, sent, System.nanoTime(), Outcome.NO_ANSWER, 0, mayHaveWritten);
    } catch (ConnectException e) {
      attempt = new Attempt(operation, sent, System.nanoTime(), Outcome.CONNECTION_REFUSED, 0, new Write.Unknown());
    } catch (IOException e) {
      // The connection broke mid-request (e.g. the gateway was killed while it waited for the answer).
      attempt = new Attempt(operation, sent, System.nanoTime(), Outcome.CONNECTION_LOST, 0, mayHaveWritten);
      connectionsLost.add(java.time.Instant.now() + " " + operation + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
      return new Attempt(operation, sent, System.nanoTime(), Outcome.OTHER_ERROR, 0, new Write.Unknown());
    }
    attempts.add(attempt);
    sleep(pause);
    return attempt;
  }

  private String token(String email) {
    var token = tokens.get(email);
    long now = System.nanoTime();
    if (token == null || now - token.fetchedAt() > TOKEN_REFRESH.toNanos()) {
      try {
        token = new Token(keycloak.accessToken(email, DemoData.PASSWORD), now);
        tokens.put(email, token);
      } catch (RuntimeException e) {
        if (token == null) {
          throw e;
        }
        // Keycloak is down: the token in hand is still valid for a while, as a browser's would be.
      }
    }
    return token.value();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
