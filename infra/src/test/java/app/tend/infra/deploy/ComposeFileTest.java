package app.tend.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose file as Docker Compose reads it: resolved by a real compose implementation ({@code
 * docker-compose config}, which needs no Docker engine) with the documented example env file, then
 * every service walked. Fails on a service without a health check, an app that may start before
 * the servers it needs are healthy, a secret written into the file, an app that runs as root or
 * with a writable root filesystem, an image tagged "latest" or not at all, or a realm placeholder
 * Keycloak would be left without.
 */
class ComposeFileTest {

  static final Set<String> APPS = KubernetesManifestsTest.APPS;
  static final Set<String> SERVERS = Set.of("postgres", "kafka", "keycloak");
  static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|_KEY)$");
  static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{[A-Z_]+:\\?[^}]+}");

  static final Path ROOT = Path.of(System.getProperty("tend.projectRoot", "..")).toAbsolutePath().normalize();
  static final Path COMPOSE = ROOT.resolve("infra/compose");

  @Test
  @SuppressWarnings("unchecked")
  void everyServiceIsHealthCheckedAndEveryAppWaitsForHealthyServers() throws Exception {
    Map<String, Object> services = (Map<String, Object>) resolved().get("services");
    assertThat(services.keySet()).containsAll(APPS).containsAll(SERVERS)
        .contains("mail", "prometheus", "grafana");

    for (var entry : services.entrySet()) {
      var service = (Map<String, Object>) entry.getValue();
      List<String> test = (List<String>) KubernetesManifestsTest.at(service, "healthcheck", "test");
      assertThat(test).as("%s's health check", entry.getKey()).isNotEmpty().doesNotContain("NONE");
      String image = (String) service.get("image");
      assertThat(image).as("%s's image", entry.getKey()).matches("[^:]+:[^:]+").doesNotEndWith(":latest");
      var dependsOn = (Map<String, Object>) service.getOrDefault("depends_on", Map.of());
      dependsOn.forEach((needed, how) -> assertThat(KubernetesManifestsTest.at(how, "condition"))
          .as("%s waits for %s", entry.getKey(), needed).isEqualTo("service_healthy"));
    }

    for (String app : APPS) {
      var service = (Map<String, Object>) services.get(app);
      assertThat(service.get("read_only")).as(app).isEqualTo(true);
      assertThat((String) service.get("user")).as(app).doesNotStartWith("0").doesNotStartWith("root");
      assertThat((List<String>) service.get("cap_drop")).as(app).contains("ALL");
      assertThat((List<String>) service.get("security_opt")).as(app).contains("no-new-privileges:true");
      assertThat(KubernetesManifestsTest.at(service, "deploy", "resources", "limits", "memory")).as(app).isNotNull();
      List<String> check = (List<String>) KubernetesManifestsTest.at(service, "healthcheck", "test");
      assertThat(check.getLast()).as("%s asks its readiness probe", app).endsWith("/actuator/health/readiness");
      // The images have no shell, curl or wget: the check runs the probe they carry.
      assertThat(check).as(app).startsWith("CMD", "java").contains("/opt/tend/probe", "HealthProbe");
      var environment = (Map<String, Object>) service.get("environment");
      assertThat(environment.get("TEND_LOG_FORMAT")).as("%s logs JSON lines", app).isEqualTo("ecs");
      assertThat((String) environment.get("JAVA_TOOL_OPTIONS")).as(app).contains("MaxRAMPercentage");
    }
    Set<String> services3 = Set.of("accounts-service", "checkin-service", "notification-service");
    for (String app : services3) {
      assertThat(((Map<String, Object>) ((Map<String, Object>) services.get(app)).get("depends_on")).keySet())
          .as(app).containsAll(SERVERS);
    }
    assertThat(((Map<String, Object>) ((Map<String, Object>) services.get("gateway")).get("depends_on")).keySet())
        .containsAll(services3);
    assertThat(((Map<String, Object>) ((Map<String, Object>) services.get("web-ui")).get("depends_on")).keySet())
        .contains("gateway");
    // Only what people use is published on the host: never a database, the broker or an app's
    // service port behind the gateway.
    for (String internal : List.of("postgres", "kafka", "accounts-service", "checkin-service", "notification-service")) {
      assertThat(((Map<String, Object>) services.get(internal)).get("ports")).as("%s published", internal).isNull();
    }
  }

  /** Every password, secret and key is asked of the env file; none is written in the compose file. */
  @Test
  @SuppressWarnings("unchecked")
  void noSecretIsWrittenInTheFileAndAMissingOneStopsCompose() throws Exception {
    Map<String, Object> raw = new Yaml(new LoaderOptions()).load(Files.readString(COMPOSE.resolve("compose.yaml")));
    var secrets = new TreeSet<String>();
    for (var entry : ((Map<String, Object>) raw.get("services")).entrySet()) {
      var environment = (Map<String, Object>) ((Map<String, Object>) entry.getValue()).getOrDefault("environment", Map.of());
      environment.forEach((name, value) -> {
        if (SECRET_NAME.matcher(name).matches() && !name.endsWith("_CLIENT_ID")) {
          secrets.add(name);
          assertThat(String.valueOf(value)).as("%s of %s", name, entry.getKey()).matches(REQUIRED_VARIABLE);
        }
      });
    }
    assertThat(secrets).contains("POSTGRES_PASSWORD", "ACCOUNTS_DB_PASSWORD", "KEYCLOAK_ADMIN_CLIENT_SECRET",
        "WEB_CLIENT_SECRET", "TEND_INVITATION_LINK_KEY", "GF_SECURITY_ADMIN_PASSWORD");

    assertThat(Files.readAllLines(ROOT.resolve(".gitignore"))).as("the real env file is never committed")
        .contains("infra/compose/.env");
    Path empty = Files.createTempFile("empty", ".env");
    try {
      var withoutSecrets = compose(List.of("--env-file", empty.toString(), "-f", "compose.yaml", "config", "-q"));
      assertThat(withoutSecrets.exitCode()).isNotZero();
      assertThat(withoutSecrets.errors()).contains("in .env");
    } finally {
      Files.delete(empty);
    }
  }

  /** Keycloak fills the realm's placeholders from its environment when it imports the realm. */
  @Test
  @SuppressWarnings("unchecked")
  void keycloakIsGivenEveryPlaceholderOfTheRealmFile() throws Exception {
    var keycloak = (Map<String, Object>) ((Map<String, Object>) resolved().get("services")).get("keycloak");
    var environment = (Map<String, Object>) keycloak.get("environment");
    String realm = Files.readString(ROOT.resolve("infra/src/main/resources/keycloak/tend-realm.json"));
    Matcher placeholder = Pattern.compile("\\$\\{([A-Z_]+)(:[^}]*)?}").matcher(realm);
    var names = new TreeSet<String>();
    while (placeholder.find()) {
      names.add(placeholder.group(1));
    }
    assertThat(names).contains("TEND_WEB_CLIENT_SECRET", "TEND_WEB_URL");
    assertThat(environment.keySet()).containsAll(names);
    assertThat((List<String>) keycloak.get("volumes")).anyMatch(volume -> volume.contains("tend-realm.json:/opt/keycloak/data/import/"));
  }

  /** Prometheus scrapes all five apps where they publish, and Grafana loads the committed dashboards. */
  @Test
  @SuppressWarnings("unchecked")
  void prometheusScrapesEveryAppAndGrafanaShowsTheDashboards() throws Exception {
    Map<String, Object> prometheus = new Yaml(new LoaderOptions()).load(Files.readString(COMPOSE.resolve("prometheus/prometheus.yml")));
    var job = (Map<String, Object>) ((List<Object>) prometheus.get("scrape_configs")).getFirst();
    assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
    var targets = (List<String>) ((Map<String, Object>) ((List<Object>) job.get("static_configs")).getFirst()).get("targets");
    assertThat(targets.stream().map(target -> target.split(":")[0])).containsExactlyInAnyOrderElementsOf(APPS);

    var grafana = (Map<String, Object>) ((Map<String, Object>) resolved().get("services")).get("grafana");
    Map<String, Object> provider = new Yaml(new LoaderOptions())
        .load(Files.readString(COMPOSE.resolve("grafana/provisioning/dashboards/tend.yaml")));
    String path = (String) KubernetesManifestsTest.at(((List<Object>) provider.get("providers")).getFirst(), "options", "path");
    assertThat((List<String>) grafana.get("volumes")).anyMatch(volume -> volume.contains("grafana/dashboards:" + path));
    for (String app : APPS) {
      assertThat(ROOT.resolve("infra/grafana/dashboards/" + app + ".json")).as("%s's dashboard", app).isRegularFile();
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> resolved() throws Exception {
    var result = compose(List.of("--env-file", ".env.example", "-f", "compose.yaml", "config"));
    assertThat(result.exitCode()).as("docker-compose config said: %s", result.errors()).isZero();
    return new Yaml(new LoaderOptions()).load(result.output());
  }

  record Result(int exitCode, String output, String errors) {}

  static Result compose(List<String> arguments) throws IOException, InterruptedException {
    var command = new ArrayList<>(List.of(System.getProperty("tend.compose", "docker-compose").split(" ")));
    command.addAll(arguments);
    // What compose says on stderr (warnings, refusals) is kept apart, so stdout stays the YAML.
    Path errors = Files.createTempFile("compose", ".err");
    try {
      var process = new ProcessBuilder(command).directory(COMPOSE.toFile())
          .redirectError(ProcessBuilder.Redirect.to(errors.toFile())).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      return new Result(process.exitValue(), output, Files.readString(errors));
    } finally {
      Files.deleteIfExists(errors);
    }
  }
}
