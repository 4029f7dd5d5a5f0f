package app.tend.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.tend.gateway.GatewayApplication;
import app.tend.infra.servers.KeycloakAdmin;
import app.tend.testkit.TestInfrastructure;
import com.sun.net.httpserver.HttpServer;
import io.lettuce.core.RedisClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two gateways, as two replicas behind a load balancer, sharing one real Redis: a person's limit is
 * one limit across both. When Redis dies each gateway limits alone, and none answers a 5xx.
 */
// Redis dies while in use: the gateways have their connections open by then.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedRateLimitIT {

  /** Five requests at once, then one every five seconds: slow enough that a test cannot refill it by accident. */
  static final int BURST = 5;

  static HttpServer service;
  static ConfigurableApplicationContext first;
  static ConfigurableApplicationContext second;
  static final HttpClient http = HttpClient.newHttpClient();
  /** How many requests reached the service, by the Authorization header they carried. */
  static final Map<String, Integer> received = new ConcurrentHashMap<>();

  @BeforeAll
  static void twoGatewaysInFrontOfOneService() throws IOException {
    service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    service.createContext("/", exchange -> {
      received.merge(exchange.getRequestHeaders().getFirst("Authorization"), 1, Integer::sum);
      byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    service.start();
    first = gateway();
    second = gateway();
  }

  /** Settings go in as the environment variables ops set: application.yml outranks default properties. */
  static ConfigurableApplicationContext gateway() {
    String serviceUrl = "http://127.0.0.1:" + service.getAddress().getPort();
    return new SpringApplicationBuilder(GatewayApplication.class)
        .properties(
            "PORT=0",
            "OIDC_ISSUER_URI=" + TestInfrastructure.keycloak().issuer(KeycloakAdmin.REALM),
            "CHECKINS_URL=" + serviceUrl,
            "ACCOUNTS_URL=" + serviceUrl,
            "NOTIFICATIONS_URL=" + serviceUrl,
            "TEND_RATE_LIMIT_BURST=" + BURST,
            "TEND_RATE_LIMIT_PER_SECOND=0.2",
            "TEND_REDIS_URL=" + TestInfrastructure.redis().url())
        .run();
  }

  @AfterAll
  static void stop() {
    for (var gateway : List.of(first, second)) {
      if (gateway != null) {
        gateway.close();
      }
    }
    if (service != null) {
      service.stop(0);
    }
  }

  @Test
  @Order(1)
  void onePersonsLimitIsOneLimitAcrossBothGateways() throws Exception {
    String token = newPartnerToken();
    for (int i = 0; i < BURST; i++) {
      var answer = get(i % 2 == 0 ? first : second, token);
      assertThat(answer.statusCode()).as("request %d of the burst: %s", i + 1, answer.body()).isEqualTo(200);
    }
    for (var gateway : List.of(first, second)) {
      var refused = get(gateway, token);
      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
      assertThat(retryAfter).isBetween(1L, 5L);
    }
    assertThat(received.get("Bearer " + token)).as("refused requests never reach the service").isEqualTo(BURST);
    // Someone else is not held back by the first person's burst.
    assertThat(get(second, newPartnerToken()).statusCode()).isEqualTo(200);
    // The bucket refills on Redis's clock: one token every five seconds.
    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
        .until(() -> get(second, token).statusCode() == 200);
    assertThat(get(first, token).statusCode()).isEqualTo(429);
  }

  @Test
  @Order(2)
  void whenRedisDiesEachGatewayLimitsAloneAndSharesAgainWhenItIsBack() throws Exception {
    var redis = TestInfrastructure.redis();
    redis.kill();
    try {
      String token = newPartnerToken();
      // Each gateway now has its own bucket of five: ten requests pass, never a 5xx, then a 429.
      for (var gateway : List.of(first, second)) {
        for (int i = 0; i < BURST; i++) {
          assertThat(get(gateway, token).statusCode()).isEqualTo(200);
        }
        var refused = get(gateway, token);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
      }
    } finally {
      redis.start();
    }
    // Back: a fresh Redis has forgotten the script too; the gateways load it again and share again.
    String token = newPartnerToken();
    var client = RedisClient.create(redis.url());
    try (var direct = client.connect()) {
      // Lettuce reconnects on its own, after a back-off; each gateway counts once it has.
      for (var gateway : List.of(first, second)) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
          String someone = newPartnerToken();
          get(gateway, someone);
          return direct.sync().exists("tend:rate-limit:" + subject(someone)) == 1;
        });
      }
      for (int i = 0; i < BURST; i++) {
        assertThat(get(i % 2 == 0 ? first : second, token).statusCode()).isEqualTo(200);
      }
      assertThat(get(first, token).statusCode()).isEqualTo(429);
      assertThat(get(second, token).statusCode()).isEqualTo(429);
    } finally {
      client.shutdown();
    }
  }

  private static HttpResponse<String> get(ConfigurableApplicationContext gateway, String token) throws Exception {
    String port = gateway.getEnvironment().getProperty("local.server.port");
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/checkins/today"))
        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** The person the gateway limits: the token's subject. */
  private static String subject(String token) {
    String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    var matcher = Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]+)\"").matcher(claims);
    assertThat(matcher.find()).as("a subject in %s", claims).isTrue();
    return matcher.group(1);
  }

  private static String newPartnerToken() {
    var admin = TestInfrastructure.keycloakAdmin();
    String email = "limit-" + UUID.randomUUID() + "@test.tend";
    admin.createUser(email, "Lim", "It", "a-test-password-1", UUID.randomUUID(), List.of("partner"));
    return admin.accessToken(email, "a-test-password-1");
  }
}
