package app.tend.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What ops see of a running Tend: each app's Prometheus page holds the figures the dashboards
 * chart, and one request can be followed by its trace id from the gateway, through the outbox and
 * Kafka, to the consumer that handled its event, in JSON log lines.
 */
class ObservabilityE2EIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** A series in a PromQL expression; the dashboards always select with labels. */
  private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");

  /** Per app, the series that `infra/grafana` charts and the runbook names. */
  private static final Map<String, Set<String>> WATCHED = Map.of(
      "gateway", Set.of(
          "spring_cloud_gateway_requests_seconds_bucket", "spring_cloud_gateway_requests_seconds_count",
          "resilience4j_circuitbreaker_state", "http_server_requests_seconds_bucket"),
      "accounts-service", Set.of(
          "http_server_requests_seconds_bucket", "tend_outbox_backlog_events", "tend_outbox_oldest_age_seconds",
          "tend_invitation_mail_total", "r2dbc_pool_acquired_connections"),
      "checkin-service", Set.of(
          "http_server_requests_seconds_bucket", "tend_outbox_backlog_events", "tend_outbox_oldest_age_seconds",
          "kafka_consumer_fetch_manager_records_lag_max", "tend_events_dead_lettered_total"),
      "notification-service", Set.of(
          "http_server_requests_seconds_bucket", "kafka_consumer_fetch_manager_records_lag_max",
          "tend_events_dead_lettered_total", "tend_reminders_due", "tend_reminders_total", "tend_notifications_email_total"),
      "web-ui", Set.of("http_server_requests_seconds_bucket", "jvm_memory_used_bytes"));

  @Test
  void everyAppPublishesTheFiguresOpsWatch() throws Exception {
    RunningTend.stack();
    // A routed request, so that the gateway has a series for the accounts route.
    assertThat(RunningTend.send("GET", "/api/accounts/me/settings", RunningTend.token("sam@riverside.demo"), null).statusCode())
        .isEqualTo(200);

    for (var watched : WATCHED.entrySet()) {
      String page = prometheusPage(watched.getKey());
      assertThat(seriesIn(page)).as(watched.getKey()).containsAll(watched.getValue());
      assertThat(page).as("every series names its app").contains("application=\"" + watched.getKey() + "\"");
    }
    assertThat(prometheusPage("gateway")).contains("routeId=\"accounts\"");
  }

  /**
   * Prometheus asks for OpenMetrics and refuses a whole page with an exemplar where the format
   * allows none (a histogram's _count): with tracing on, Micrometer put trace ids there and a real
   * Prometheus (2.42) scraped nothing from the services. Only buckets and counters may carry one.
   */
  @Test
  void thePageAPrometheusAsksForHasNoExemplarWhereOpenMetricsForbidsOne() throws Exception {
    RunningTend.stack();
    RunningTend.send("GET", "/api/accounts/me/settings", RunningTend.token("sam@riverside.demo"), null,
        Map.of("traceparent", "00-" + HexFormat.of().formatHex(new byte[16]).replace('0', 'a') + "-00f067aa0ba902b7-01"));
    for (String app : WATCHED.keySet()) {
      var request = HttpRequest.newBuilder(URI.create(RunningTend.stack().urlOf(app) + "/actuator/prometheus"))
          .header("Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8")
          .timeout(Duration.ofSeconds(20)).build();
      var page = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body().lines().filter(line -> line.contains(" # {")))
          .as("exemplars on %s", app)
          .allMatch(line -> line.split("[{ ]", 2)[0].endsWith("_bucket") || line.split("[{ ]", 2)[0].endsWith("_total"));
    }
  }

  /** A dashboard that charts a series no app publishes shows "No data" exactly when it is needed. */
  @Test
  void everySeriesTheDashboardsChartIsPublishedByItsApp() throws Exception {
    RunningTend.stack();
    Path dashboards = Path.of(System.getProperty("tend.projectRoot", "..")).resolve("infra/grafana/dashboards");
    for (String app : WATCHED.keySet()) {
      JsonNode dashboard = JSON.readTree(dashboards.resolve(app + ".json").toFile());
      Set<String> charted = new TreeSet<>();
      for (JsonNode panel : dashboard.get("panels")) {
        for (JsonNode target : panel.get("targets")) {
          Matcher selector = SELECTOR.matcher(target.get("expr").asString());
          while (selector.find()) {
            charted.add(selector.group(1));
          }
        }
      }
      assertThat(charted).as(app).isNotEmpty();
      assertThat(seriesIn(prometheusPage(app))).as("series charted on %s's dashboard", app).containsAll(charted);
    }
  }

  @Test
  void aTraceIdGivenAtTheGatewayReachesTheLogLineOfTheConsumerThatHandledTheEvent() throws Exception {
    RunningTend.stack();
    var trace = RunningTend.Trace.random();

    // Sam saves the settings they already have: accounts-service writes the change and its outbox
    // row; notification-service projects the PreferencesChanged event from Kafka.
    String sam = RunningTend.token("sam@riverside.demo");
    var saved = RunningTend.send("PUT", "/api/accounts/me/settings", sam,
        "{\"firstName\":\"Sam\",\"lastName\":\"Lee\",\"timeZone\":\"America/New_York\",\"reminderTime\":\"20:00\","
            + "\"quietHoursStart\":\"22:00\",\"quietHoursEnd\":\"07:00\",\"mutedNotifications\":[]}",
        trace.headers());
    assertThat(saved.statusCode()).isEqualTo(200);

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      List<JsonNode> lines = RunningTend.jsonLogLines("notification-service");
      assertThat(lines)
          .filteredOn(line -> trace.id().equals(line.path("traceId").asString()))
          .anySatisfy(line -> {
            assertThat(line.path("message").asString()).contains("kept the partner's preferences: PreferencesChanged");
            assertThat(line.path("requestId").asString()).isEqualTo(saved.headers().firstValue("X-Request-Id").orElseThrow());
            assertThat(line.path("log").path("level").asString()).isEqualTo("INFO");
          });
    });
  }

  private static String prometheusPage(String app) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(RunningTend.stack().urlOf(app) + "/actuator/prometheus"))
        .timeout(Duration.ofSeconds(20))
        .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  private static Set<String> seriesIn(String prometheusPage) {
    return prometheusPage.lines()
        .filter(line -> !line.startsWith("#") && !line.isBlank())
        .map(line -> line.split("[{ ]", 2)[0])
        .collect(Collectors.toSet());
  }

}
