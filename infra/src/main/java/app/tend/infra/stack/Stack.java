package app.tend.infra.stack;

import app.tend.infra.servers.ChildProcess;
import app.tend.infra.servers.KafkaEndpoint;
import app.tend.infra.servers.KeycloakAdmin;
import app.tend.infra.servers.KeycloakEndpoint;
import app.tend.infra.servers.MailEndpoint;
import app.tend.infra.servers.PostgresEndpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Tend's five apps as separate processes, wired to real servers through the same environment
 * variables production uses. The local stack and the end-to-end tests both start Tend this way.
 */
public final class Stack implements AutoCloseable {

  /** Where each app listens. */
  public record Ports(int accounts, int checkins, int notifications, int gateway, int webUi) {
    /** The local stack's fixed ports. */
    public static Ports local() {
      return new Ports(8101, 8102, 8103, 8000, 8080);
    }
  }

  /**
   * How the apps run besides their ports and servers.
   *
   * @param historyImport whether checkin-service accepts imported history (the demo data uses it)
   * @param jsonLogs whether the apps write their logs as JSON lines (ECS), as they do in containers
   * @param forBenchmarks whether the apps run as the benchmarks measure them: with the full JIT (C2),
   *     as in their containers, rather than stopping at C1 to start sooner; and with the gateway's
   *     per-person rate limit at a rate no load reaches (the limiter still runs), so a handful of
   *     people can saturate the gateway
   */
  public record Options(boolean historyImport, boolean jsonLogs, boolean forBenchmarks) {

    public Options(boolean historyImport, boolean jsonLogs) {
      this(historyImport, jsonLogs, false);
    }
  }

  private final Map<App, ChildProcess> running = new LinkedHashMap<>();
  private final Map<String, Duration> timeToReady = new java.util.concurrent.ConcurrentHashMap<>();
  private final Ports ports;
  private final Path projectRoot;
  private final Path workDirectory;

  private Stack(Ports ports, Path projectRoot, Path workDirectory) {
    this.ports = ports;
    this.projectRoot = projectRoot;
    this.workDirectory = workDirectory;
  }

  /**
   * Starts the apps (services first, then gateway and web-ui, each group in parallel) and waits
   * until every one is ready. Their jars are copied to {@code workDirectory/apps}, their logs go
   * to {@code workDirectory/logs}.
   */
  public static Stack start(Path projectRoot, Path workDirectory, Ports ports, PostgresEndpoint postgres, KafkaEndpoint kafka,
      KeycloakEndpoint keycloak, MailEndpoint mail, Options options) {
    for (String database : List.of("accounts", "checkins", "notifications")) {
      postgres.ensureDatabase(database);
    }
    String issuer = keycloak.issuer(KeycloakAdmin.REALM);
    boolean quickStart = !options.forBenchmarks();
    var logs = options.jsonLogs() ? Map.of("TEND_LOG_FORMAT", "ecs") : Map.<String, String>of();
    var common = merge(logs, Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "OIDC_ISSUER_URI", issuer));
    var accounts = new App("accounts-service", ports.accounts(), "256m", merge(common, database("ACCOUNTS", postgres, "accounts"),
        Map.of("KEYCLOAK_URL", keycloak.baseUrl(), "SMTP_HOST", mail.host(), "SMTP_PORT", Integer.toString(mail.smtpPort()),
            "TEND_WEB_URL", "http://localhost:" + ports.webUi())), quickStart);
    var checkins = new App("checkin-service", ports.checkins(), "256m", merge(common, database("CHECKINS", postgres, "checkins"),
        Map.of("TEND_HISTORY_IMPORT_ENABLED", Boolean.toString(options.historyImport()))), quickStart);
    var notifications = new App("notification-service", ports.notifications(), "256m", merge(common, database("NOTIFICATIONS", postgres, "notifications"),
        Map.of("KEYCLOAK_URL", keycloak.baseUrl(), "SMTP_HOST", mail.host(), "SMTP_PORT", Integer.toString(mail.smtpPort()),
            "TEND_WEB_URL", "http://localhost:" + ports.webUi())), quickStart);
    var rateLimit = !options.forBenchmarks() ? Map.<String, String>of()
        : Map.of("TEND_RATE_LIMIT_PER_SECOND", "1000000", "TEND_RATE_LIMIT_BURST", "1000000");
    var gateway = new App("gateway", ports.gateway(), "256m", merge(logs, rateLimit, Map.of("OIDC_ISSUER_URI", issuer,
        "ACCOUNTS_URL", accounts.baseUrl(), "CHECKINS_URL", checkins.baseUrl(), "NOTIFICATIONS_URL", notifications.baseUrl())), quickStart);
    var webUi = new App("web-ui", ports.webUi(), "384m", merge(logs, Map.of("GATEWAY_URL", gateway.baseUrl(),
        "KEYCLOAK_URL", keycloak.baseUrl(), "KEYCLOAK_PUBLIC_URL", keycloak.baseUrl())), quickStart);
    var stack = new Stack(ports, projectRoot, workDirectory);
    try {
      stack.startTogether(List.of(accounts, checkins, notifications));
      stack.startTogether(List.of(gateway, webUi));
      return stack;
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  private synchronized void startTogether(List<App> apps) {
    List<CompletableFuture<Void>> ready = new ArrayList<>();
    for (App app : apps) {
      long started = System.nanoTime();
      var process = app.start(projectRoot, workDirectory);
      running.put(app, process);
      ready.add(CompletableFuture.runAsync(() -> {
        app.awaitReady(process);
        timeToReady.put(app.module(), Duration.ofNanos(System.nanoTime() - started));
      }));
    }
    CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
  }

  private static Map<String, String> database(String prefix, PostgresEndpoint postgres, String database) {
    return Map.of(prefix + "_R2DBC_URL", postgres.r2dbcUrl(database), prefix + "_JDBC_URL", postgres.jdbcUrl(database),
        prefix + "_DB_USER", postgres.username(), prefix + "_DB_PASSWORD", postgres.password());
  }

  @SafeVarargs
  private static Map<String, String> merge(Map<String, String>... maps) {
    var merged = new LinkedHashMap<String, String>();
    for (var map : maps) {
      merged.putAll(map);
    }
    return merged;
  }

  /** The apps' modules, in the order they started. */
  public List<String> modules() {
    return running.keySet().stream().map(App::module).toList();
  }

  /** SIGKILL to {@code module}, as a crash would do it: no graceful shutdown, nothing flushed. */
  public synchronized void kill(String module) {
    running.get(app(module)).kill();
  }

  /** Starts {@code module} again with the same configuration and waits until it is ready. */
  public void restart(String module) {
    App app = app(module);
    if (!running.get(app).isAlive()) {
      startTogether(List.of(app));
    }
  }

  /** Where {@code module} (e.g. {@code notification-service}) listens, to reach its actuator. */
  public String urlOf(String module) {
    return app(module).baseUrl();
  }

  /** The process id of {@code module}, to read its memory use. */
  public synchronized long pidOf(String module) {
    return running.get(app(module)).pid();
  }

  /**
   * How long {@code module} took from its launch to its readiness probe answering UP, the last
   * time it started (its group started together, so they shared the machine meanwhile).
   */
  public Duration timeToReady(String module) {
    return timeToReady.get(module);
  }

  /** The log file of {@code module}. */
  public Path logOf(String module) {
    return running.get(app(module)).log();
  }

  private App app(String module) {
    return running.keySet().stream()
        .filter(app -> app.module().equals(module))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no app " + module));
  }

  public String gatewayUrl() {
    return "http://localhost:" + ports.gateway();
  }

  public String webUiUrl() {
    return "http://localhost:" + ports.webUi();
  }

  /** Stops the apps, newest first, each given time for a graceful shutdown. */
  @Override
  public void close() {
    var started = new ArrayList<>(running.values());
    java.util.Collections.reverse(started);
    started.forEach(ChildProcess::close);
  }
}
