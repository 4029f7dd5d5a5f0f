package app.tend.e2e;

import app.tend.infra.servers.KeycloakAdmin;
import app.tend.infra.servers.Ports;
import app.tend.infra.stack.DemoData;
import app.tend.infra.stack.Stack;
import app.tend.testkit.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The whole of Tend, once per test JVM: real servers from testkit (and its SMTP server), the five
 * apps as processes from the jars the build just made, and the demo clinic loaded through the
 * gateway, its partners joining through their invitation e-mails.
 */
final class RunningTend {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
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
}
