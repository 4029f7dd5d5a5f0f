package app.tend.infra.bench;

import app.tend.infra.bench.BenchReport.Footprints;
import app.tend.infra.bench.BenchReport.Measurement;
import app.tend.infra.servers.KeycloakAdmin;
import app.tend.infra.servers.PostgresEndpoint;
import app.tend.infra.stack.DemoData;
import app.tend.infra.stack.Stack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The benchmark's scenarios against a running Tend, each measured beside its baseline in the same
 * run, one after the other, so both see the same machine at nearly the same moment.
 */
public final class BenchRun {

  /**
   * What to measure.
   *
   * @param stack the running apps
   * @param partners partners' e-mail addresses (password {@link DemoData#PASSWORD}), in {@link DemoData#LOAD_ZONE}
   * @param postgres the server checkin-service's database is on, for the raw transaction
   * @param servers the servers' process ids by name (PostgreSQL, Kafka, Keycloak), for their memory
   * @param workDirectory where nginx runs
   */
  public record Target(Stack stack, KeycloakAdmin keycloak, List<String> partners, PostgresEndpoint postgres, Map<String, Long> servers,
      Path workDirectory) {}

  /**
   * How long and how hard.
   *
   * @param workers requests in flight at once; at most one per partner, so no two write the same check-in
   * @param quietAtMost how long to wait, before each load, for the work the last one set off to end
   */
  public record Settings(Duration warmUp, Duration measured, int workers, Duration quietAtMost) {

    /** Tokens live five minutes; each load fetches fresh ones and must end before they expire. */
    public Settings {
      if (warmUp.plus(measured).compareTo(Duration.ofMinutes(4)) > 0) {
        throw new IllegalArgumentException("warm-up and measurement together may last at most 4 minutes (a token's life is 5)");
      }
    }
  }

  private static final List<String> APPS = List.of("gateway", "accounts-service", "checkin-service", "notification-service", "web-ui");

  private BenchRun() {}

  public static BenchReport run(Target target, Settings settings, Consumer<String> say) {
    if (settings.workers() > target.partners().size()) {
      throw new IllegalArgumentException(settings.workers() + " workers need as many partners; there are " + target.partners().size());
    }
    var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    String gateway = target.stack().gatewayUrl();
    String checkins = target.stack().urlOf("checkin-service");
    List<Measurement> measurements = new ArrayList<>();
    var underLoad = new AtomicReference<Footprints>();

    say.accept("check-in write through the gateway …");
    measurements.add(measure(target, settings, client, "check-in write", "gateway", gateway, BenchRun::checkIn,
        () -> underLoad.set(footprints(target))));
    say.accept("check-in write straight to checkin-service …");
    measurements.add(measure(target, settings, client, "check-in write", "direct to checkin-service", checkins, BenchRun::checkIn, () -> {}));
    say.accept("the same two-row transaction straight through the R2DBC driver …");
    try (var raw = RawCheckinTransaction.open(target.postgres(), settings.workers())) {
      measurements.add(Measurement.of("check-in write", "raw R2DBC transaction (row + outbox row)", load(settings, raw::call, () -> {})));
    }

    say.accept("authenticated GET through the gateway …");
    measurements.add(measure(target, settings, client, "authenticated GET", "gateway", gateway, BenchRun::today, () -> {}));
    var nginx = NginxProxy.executable();
    if (nginx.isPresent()) {
      try (var proxy = NginxProxy.start(nginx.get(), port(checkins), target.workDirectory().resolve("nginx"))) {
        say.accept("authenticated GET through nginx …");
        measurements.add(measure(target, settings, client, "authenticated GET", "nginx", proxy.baseUrl(), BenchRun::today, () -> {}));
      }
    } else {
      say.accept("nginx is not installed (apt-get install nginx): its baseline is left out");
      measurements.add(Measurement.notRun("authenticated GET", "nginx", "nginx not installed"));
    }
    say.accept("authenticated GET straight to checkin-service …");
    measurements.add(measure(target, settings, client, "authenticated GET", "direct to checkin-service", checkins, BenchRun::today, () -> {}));

    var readiness = new LinkedHashMap<String, Duration>();
    APPS.forEach(app -> readiness.put(app, target.stack().timeToReady(app)));
    return new BenchReport(settings, Runtime.getRuntime().availableProcessors(), measurements, underLoad.get(), readiness);
  }

  private static Measurement measure(Target target, Settings settings, HttpClient client, String scenario, String through,
      String baseUrl, Request request, Runnable atTheEnd) {
    // Fresh tokens for each load: a token lives five minutes.
    List<String> tokens = target.partners().stream().map(email -> target.keycloak().accessToken(email, DemoData.PASSWORD)).toList();
    return Measurement.of(scenario, through,
        load(settings, ClosedLoop.http(client, (worker, iteration) -> request.to(baseUrl, tokens.get(worker), iteration)), atTheEnd));
  }

  /** One load, once the work the last one set off has ended. */
  private static ClosedLoop.Result load(Settings settings, ClosedLoop.Operation operation, Runnable atTheEnd) {
    QuietMachine.await(settings.quietAtMost());
    return ClosedLoop.run(settings.workers(), settings.warmUp(), settings.measured(), operation, atTheEnd);
  }

  @FunctionalInterface
  private interface Request {
    HttpRequest to(String baseUrl, String token, long iteration);
  }

  /**
   * Today's check-in, its answers changing with every request so each is a real write (the same
   * answers again would change nothing): validation, the row, the outbox row, in one transaction.
   */
  private static HttpRequest checkIn(String baseUrl, String token, long iteration) {
    String body = """
        {"day":"%s","followThrough":%d,"empathicListening":%d,"honesty":%d,"mattering":%d,"connected":%d}"""
        .formatted(LocalDate.now(DemoData.LOAD_ZONE), iteration % 5, iteration / 5 % 5, iteration / 25 % 5, iteration / 125 % 5,
            1 + iteration / 625 % 5);
    return HttpRequest.newBuilder(URI.create(baseUrl + "/api/checkins/today"))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  /** The partner's today: the smallest authenticated read there is (one indexed row). */
  private static HttpRequest today(String baseUrl, String token, long iteration) {
    return HttpRequest.newBuilder(URI.create(baseUrl + "/api/checkins/today"))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token)
        .GET()
        .build();
  }

  private static Footprints footprints(Target target) {
    var tend = new LinkedHashMap<String, Footprint>();
    APPS.forEach(app -> tend.put(app, Footprint.of(target.stack().pidOf(app))));
    target.servers().forEach((name, pid) -> tend.put(name, Footprint.of(pid)));
    return new Footprints(tend, Footprint.ofProcessAlone(ProcessHandle.current().pid()));
  }

  private static int port(String url) {
    return URI.create(url).getPort();
  }
}
