package app.tend.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.tend.infra.servers.KeycloakAdmin;
import app.tend.infra.servers.Ports;
import app.tend.infra.stack.DemoData;
import app.tend.infra.stack.Stack;
import app.tend.testkit.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole of Tend, once per test JVM: real servers from testkit (and its SMTP server), the five
 * apps as processes from the jars the build just made, and the demo clinic loaded through the
 * gateway, its partners joining through their invitation e-mails.
 */
final class RunningTend {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** How Spring Boot's plain-text lines begin: "2026-11-30T20:41:58.035Z  INFO 11211 --- [". */
  private static final Pattern PLAIN_LOG_LINE = Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT\\S+\\s+(TRACE|DEBUG|INFO|WARN|ERROR) \\d+ ---");
  private static Stack stack;

  private RunningTend() {}

  static synchronized Stack stack() {
    if (stack == null) {
      int[] free = Ports.free(5);
      var ports = new Stack.Ports(free[0], free[1], free[2], free[3], free[4]);
      String webUi = "http://localhost:" + ports.webUi();
      var keycloak = TestInfrastructure.keycloak(webUi);
      Path root = Path.of(System.getProperty("tend.projectRoot", "..")).toAbsolutePath().normalize();
      stack = Stack.start(root, TestInfrastructure.workDirectory(), ports,
          TestInfrastructure.postgres(), TestInfrastructure.kafka(), keycloak, TestInfrastructure.mail(),
          new Stack.Options(true, true));
      Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
      new DemoData(stack.gatewayUrl(), keycloakAdmin(), DemoData.inboxOf(TestInfrastructure.mail())).load();
    }
    return stack;
  }

  static KeycloakAdmin keycloakAdmin() {
    return TestInfrastructure.keycloakAdmin();
  }

  static String token(String email) {
    return keycloakAdmin().accessToken(email, DemoData.PASSWORD);
  }

  /** One JSON call through the gateway, as {@code token}'s holder (none when null). */
  static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
    return send(method, path, token, body, Map.of());
  }

  /** One JSON call through the gateway, with {@code headers} besides the usual ones. */
  static HttpResponse<String> send(String method, String path, String token, String body, Map<String, String> headers)
      throws Exception {
    var request = HttpRequest.newBuilder(URI.create(stack().gatewayUrl() + path))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The app's log lines, each a JSON object. What the JVM itself prints to the same file (a warning
   * about a library, say) is not the app's logging and stays plain text; no line of the app's may.
   */
  static List<JsonNode> jsonLogLines(String module) throws Exception {
    List<String> lines = Files.readAllLines(stack().logOf(module));
    assertThat(lines).as("no plain-text log lines of the app's in %s", module)
        .noneMatch(line -> PLAIN_LOG_LINE.matcher(line).find());
    return lines.stream().filter(line -> line.startsWith("{")).map(JSON::readTree).toList();
  }

  /** A trace of the test's own, begun by the caller: its id and the W3C header that says so. */
  record Trace(String id, Map<String, String> headers) {
    static Trace random() {
      var random = new SecureRandom();
      byte[] trace = new byte[16];
      byte[] parent = new byte[8];
      random.nextBytes(trace);
      random.nextBytes(parent);
      String id = HexFormat.of().formatHex(trace);
      return new Trace(id, Map.of("traceparent", "00-" + id + "-" + HexFormat.of().formatHex(parent) + "-01"));
    }
  }
}
