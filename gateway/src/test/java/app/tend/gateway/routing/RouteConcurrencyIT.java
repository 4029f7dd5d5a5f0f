package app.tend.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import app.tend.infra.servers.KeycloakAdmin;
import app.tend.testkit.TestInfrastructure;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Many calls in flight on one route at once, as an evening of check-ins makes them, in front of a
 * service that is slow but well: the gateway passes far more than the bulkhead default's 25, turns
 * away what is beyond its own bound with a 503 problem, and that does not open the route's breaker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RouteConcurrencyIT {

  static final int MAX_IN_FLIGHT = 60;
  static final int CALLS = 100;
  static final Duration SERVICE_TAKES = Duration.ofSeconds(3);

  /** checkin-service as far as the gateway can tell: answers every request, after a while. */
  static final HttpServer SLOW_SERVICE;

  static {
    try {
      SLOW_SERVICE = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SLOW_SERVICE.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    SLOW_SERVICE.createContext("/", exchange -> {
      try {
        Thread.sleep(SERVICE_TAKES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    SLOW_SERVICE.start();
  }

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestInfrastructure.keycloak().issuer(KeycloakAdmin.REALM));
    registry.add("CHECKINS_URL", () -> "http://127.0.0.1:" + SLOW_SERVICE.getAddress().getPort());
    registry.add("tend.rate-limit.burst", () -> 1_000);
    registry.add("tend.rate-limit.requests-per-second", () -> 1_000);
    registry.add("TEND_ROUTE_MAX_IN_FLIGHT", () -> MAX_IN_FLIGHT);
    // A breaker that would open on the first few failures, had the turned-away calls counted as such.
    registry.add("TEND_BREAKER_WINDOW", () -> 5);
    registry.add("TEND_BREAKER_MIN_CALLS", () -> 5);
    registry.add("TEND_BREAKER_OPEN_FOR", () -> "5m");
  }

  @LocalServerPort int port;

  @Test
  void callsBeyondTheBulkheadDefaultPassAndThoseBeyondTheRoutesBoundAreA503ThatLeavesTheBreakerClosed() {
    var admin = TestInfrastructure.keycloakAdmin();
    String email = "gw-many-" + UUID.randomUUID() + "@test.tend";
    admin.createUser(email, "Manny", "Calls", "a-test-password-1", UUID.randomUUID(), List.of("partner"));
    String token = admin.accessToken(email, "a-test-password-1");
    var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/checkins/today"))
        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build();

    // All sent well within the time the service takes to answer the first: all in flight at once.
    List<HttpResponse<String>> answers = IntStream.range(0, CALLS)
        .mapToObj(i -> client.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
        .toList().stream().map(CompletableFuture::join).toList();

    var passed = answers.stream().filter(answer -> answer.statusCode() == 200).count();
    var turnedAway = answers.stream().filter(answer -> answer.statusCode() != 200).toList();
    assertThat(passed).as("more than the bulkhead default's 25, at most the route's bound").isBetween(26L, (long) MAX_IN_FLIGHT);
    assertThat(turnedAway).isNotEmpty().allSatisfy(answer -> {
      assertThat(answer.statusCode()).isEqualTo(503);
      assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(answer.body()).contains("Nothing was changed");
    });

    // The breaker saw only successes: the next call is routed as before.
    assertThat(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).join().statusCode()).isEqualTo(200);
  }
}
