package app.tend.infra.bench;

import app.tend.infra.bench.BenchReport.Footprints;
import app.tend.infra.bench.BenchReport.Measurement;
import app.tend.infra.servers.KafkaEndpoint;
import app.tend.infra.servers.KeycloakAdmin;
import app.tend.infra.servers.PostgresEndpoint;
import app.tend.infra.stack.DemoData;
import app.tend.infra.stack.DemoData.JoinedCouple;
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
import java.util.stream.Stream;

/**
 * The benchmark's scenarios against a running Tend, each measured beside its baseline in the same
 * run, one after the other, so both see the same machine at nearly the same moment.
 */
public final class BenchRun {

  /**
   * What to measure.
   *
   * @param stack the running apps
   * @param couples the clinic's couples, joined, with four weeks of history (password {@link DemoData#PASSWORD}), in {@link DemoData#LOAD_ZONE}
   * @param clinician the e-mail address of the clinician whose caseload they are
   * @param postgres the server the services' databases are on, for the raw transaction and to see notifications arrive
   * @param kafka the broker the services use, for the raw round trip
   * @param servers the servers' process ids by name (PostgreSQL, Kafka, Keycloak), for their memory
   * @param workDirectory where nginx runs
   */
  public record Target(Stack stack, KeycloakAdmin keycloak, List<JoinedCouple> couples, String clinician, PostgresEndpoint postgres,
      KafkaEndpoint kafka, Map<String, Long> servers, Path workDirectory) {

    /** Both partners of each couple, couple by couple. */
    List<String> partners() {
      return couples.stream().flatMap(couple -> Stream.of(couple.firstEmail(), couple.secondEmail())).toList();
    }
  }

  /**
   * How long and how hard.
   *
   * @param workers requests in flight at once; at most one per partner, so no two write the same check-in
   * @param quietAtMost how long to wait, before each load, for the work the last one set off to end
   * @param reminders partners reminded in the burst
   */
  public record Settings(Duration warmUp, Duration measured, int workers, Duration quietAtMost, int reminders) {

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
    List<String> partners = target.partners();
    if (settings.workers() > partners.size()) {
      throw new IllegalArgumentException(settings.workers() + " workers need as many partners; there are " + partners.size());
    }
    var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    String gateway = target.stack().gatewayUrl();
    String checkins = target.stack().urlOf("checkin-service");
    List<Measurement> measurements = new ArrayList<>();
    var underLoad = new AtomicReference<Footprints>();

    say.accept("warming the whole stack up: check-ins, GETs and caseloads through the gateway …");
    warmUpTheStack(target, settings, client, gateway);

    say.accept("check-in write through the gateway …");
    measurements.add(measure(target, settings, client, "check-in write", "gateway", gateway, BenchRun::checkIn,
        () -> underLoad.set(footprints(target))));
    say.accept("check-in write straight to checkin-service …");
    measurements.add(measure(target, settings, client, "check-in write", "direct to checkin-service", checkins, BenchRun::checkIn, () -> {}));
    say.accept("the same two-row transaction straight through the R2DBC driver …");
    try (var raw = RawCheckinTransaction.open(target.postgres(), settings.workers())) {
      measurements.add(load(target, settings, "check-in write", "raw R2DBC transaction (row + outbox row)", raw::call, () -> {}));
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

    say.accept("clinician's caseload of " + target.couples().size() + " couples through the gateway …");
    measurements.add(caseload(target, settings, client, gateway));

    double peak = measurements.getFirst().perSecond();
    say.accept("event to partner at half the gateway's check-in peak (" + Math.round(peak / 2) + " check-ins/s, open loop) …");
    QuietMachine.await(settings.quietAtMost());
    var couples = target.couples();
    var writerTokens = couples.stream().map(couple -> target.keycloak().accessToken(couple.firstEmail(), DemoData.PASSWORD)).toList();
    var toPartner = EventToPartner.run(client, gateway, couples, writerTokens, target.postgres(), Math.max(1, peak / 2),
        settings.warmUp(), settings.measured(), processes(target));
    say.accept("the same events' rate as a raw Kafka produce → consume round trip …");
    QuietMachine.await(settings.quietAtMost());
    var roundTrip = KafkaRoundTrip.run(target.kafka(), Math.max(0.5, peak / 4), settings.warmUp(), settings.measured());

    say.accept(settings.reminders() + " reminders due at the same instant …");
    QuietMachine.await(settings.quietAtMost());
    var burst = ReminderBurst.run(target.postgres(), settings.reminders());

    var readiness = new LinkedHashMap<String, Duration>();
    APPS.forEach(app -> readiness.put(app, target.stack().timeToReady(app)));
    return new BenchReport(settings, Runtime.getRuntime().availableProcessors(), measurements, toPartner, roundTrip, burst, underLoad.get(),
        readiness);
  }

  /**
   * Every path the loads take, through the gateway, for one warm-up before the first load, so each
   * load's own warm-up only has to finish what it alone runs. Without it the first load measured a
   * stack that was still compiling: in one run a fifth of checkin-service's CPU during the gateway's
   * writes was its JIT, and the gateway's writes came to 0.30 × direct against 0.45 × the run before.
   */
  private static void warmUpTheStack(Target target, Settings settings, HttpClient client, String gateway) {
    QuietMachine.await(settings.quietAtMost());
    List<String> tokens = partnerTokens(target, settings);
    var caseload = caseloadRequest(target, gateway);
    ClosedLoop.run(settings.workers(), settings.warmUp(), Duration.ZERO, ClosedLoop.http(client, (worker, iteration) ->
        switch ((int) (iteration % 3)) {
          case 0 -> checkIn(gateway, tokens.get(worker), iteration);
          case 1 -> today(gateway, tokens.get(worker), iteration);
          default -> caseload;
        }), () -> {}, () -> {});
  }

  /** The clinician's caseload, their one busiest read: every couple with its last four weeks. */
  private static Measurement caseload(Target target, Settings settings, HttpClient client, String gateway) {
    var request = caseloadRequest(target, gateway);
    return load(target, settings, "caseload read (" + target.couples().size() + " couples, 4 weeks of history)", "gateway",
        ClosedLoop.http(client, (worker, iteration) -> request), () -> {});
  }

  private static HttpRequest caseloadRequest(Target target, String gateway) {
    String token = target.keycloak().accessToken(target.clinician(), DemoData.PASSWORD);
    return HttpRequest.newBuilder(URI.create(gateway + "/api/checkins/caseload"))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token)
        .GET()
        .build();
  }

  /** Fresh tokens for each load, one per worker: a token lives five minutes. */
  private static List<String> partnerTokens(Target target, Settings settings) {
    return target.partners().stream().limit(settings.workers()).map(email -> target.keycloak().accessToken(email, DemoData.PASSWORD)).toList();
  }

  private static Measurement measure(Target target, Settings settings, HttpClient client, String scenario, String through,
      String baseUrl, Request request, Runnable atTheEnd) {
    List<String> tokens = partnerTokens(target, settings);
    return load(target, settings, scenario, through,
        ClosedLoop.http(client, (worker, iteration) -> request.to(baseUrl, tokens.get(worker), iteration)), atTheEnd);
  }

  /** One load, once the work the last one set off has ended, with the CPU each of Tend's processes used meanwhile. */
  private static Measurement load(Target target, Settings settings, String scenario, String through, ClosedLoop.Operation operation,
      Runnable atTheEnd) {
    QuietMachine.await(settings.quietAtMost());
    var cpu = new ProcessCpu(processes(target));
    var result = ClosedLoop.run(settings.workers(), settings.warmUp(), settings.measured(), operation, cpu::start, () -> {
      cpu.stop();
      atTheEnd.run();
    });
    return Measurement.of(scenario, through, result, cpu.cores());
  }

  /** Tend's processes by name: the apps, then the servers. */
  private static Map<String, Long> processes(Target target) {
    var processes = new LinkedHashMap<String, Long>();
    APPS.forEach(app -> processes.put(app, target.stack().pidOf(app)));
    processes.putAll(target.servers());
    return processes;
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
    return putToday(baseUrl, token, body);
  }

  /** The partner's check-in for today, as the web UI sends it. */
  static HttpRequest putToday(String baseUrl, String token, String body) {
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
    processes(target).forEach((name, pid) -> tend.put(name, Footprint.of(pid)));
    return new Footprints(tend, Footprint.ofProcessAlone(ProcessHandle.current().pid()));
  }

  private static int port(String url) {
    return URI.create(url).getPort();
  }
}
