package app.tend.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import app.tend.contracts.TendHeaders;
import app.tend.infra.servers.KeycloakAdmin;
import app.tend.infra.servers.Ports;
import app.tend.testkit.ServerSessions;
import app.tend.testkit.TestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The gateway with real Keycloak tokens, in front of services that are not running. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@Import(ServerSessions.InTest.class)
class GatewayIT {

  static final int NOBODY_LISTENS = Ports.free();

  /** A service that takes connections and never answers: the kind a breaker is for. */
  static final ServerSocket SILENT;

  static {
    try {
      SILENT = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread.ofVirtual().start(() -> {
      var held = new ArrayList<Socket>();
      while (!SILENT.isClosed()) {
        try {
          held.add(SILENT.accept());
        } catch (IOException closed) {
          return;
        }
      }
    });
  }

  /** A service that reads the request and dies before it answers: the connection is reset. */
  static final ServerSocket HANGS_UP;

  static {
    try {
      HANGS_UP = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread.ofVirtual().start(() -> {
      while (!HANGS_UP.isClosed()) {
        try (Socket socket = HANGS_UP.accept()) {
          socket.getInputStream().read(new byte[8192]);
          socket.setSoLinger(true, 0);
        } catch (IOException closed) {
          if (HANGS_UP.isClosed()) {
            return;
          }
        }
      }
    });
  }

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestInfrastructure.keycloak().issuer(KeycloakAdmin.REALM));
    registry.add("CHECKINS_URL", () -> "http://127.0.0.1:" + NOBODY_LISTENS);
    registry.add("NOTIFICATIONS_URL", () -> "http://127.0.0.1:" + SILENT.getLocalPort());
    registry.add("ACCOUNTS_URL", () -> "http://127.0.0.1:" + HANGS_UP.getLocalPort());
    registry.add("tend.rate-limit.burst", () -> 5);
    registry.add("tend.rate-limit.requests-per-second", () -> 0.2);
    registry.add("tend.edge.allowed-origins", () -> "https://partner-app.example.org");
    registry.add("tend.edge.max-request-size", () -> "64KB");
    registry.add("TEND_BREAKER_WINDOW", () -> 3);
    registry.add("TEND_BREAKER_MIN_CALLS", () -> 3);
    registry.add("TEND_BREAKER_OPEN_FOR", () -> "5m");
    registry.add("TEND_BREAKER_TIMEOUT", () -> "2s");
  }

  @Autowired WebTestClient web;
  @Autowired ServerSessions sessions;

  private static String newPartnerToken() {
    var admin = TestInfrastructure.keycloakAdmin();
    String email = "gw-" + UUID.randomUUID() + "@test.tend";
    admin.createUser(email, "Gale", "Way", "a-test-password-1", UUID.randomUUID(), List.of("partner"));
    return admin.accessToken(email, "a-test-password-1");
  }

  @Test
  void aServiceThatIsDownAnswersAClear503AtOnce() {
    String token = newPartnerToken();
    long started = System.nanoTime();
    web.get().uri("/api/checkins/today").headers(h -> h.setBearerAuth(token)).exchange()
        .expectStatus().isEqualTo(503)
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader().exists(TendHeaders.REQUEST_ID)
        .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("not answering right now"));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aServiceThatDiesHoldingTheRequestAnswersA503ThatSaysItMayHaveBeenSaved() {
    String token = newPartnerToken();
    web.put().uri("/api/accounts/me/settings").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{}").exchange()
        .expectStatus().isEqualTo(503)
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("check whether it was saved"));
  }

  /** Every request brings its token: the gateway keeps nothing between them, neither for routed ones nor for refusals. */
  @Test
  void requestsOpenNoSessionAtTheGateway() {
    web.get().uri("/api/checkins/today").headers(h -> h.setBearerAuth(newPartnerToken())).exchange().expectStatus().isEqualTo(503);
    web.get().uri("/api/checkins/today").exchange().expectStatus().isUnauthorized();
    assertThat(sessions.asked()).isZero();
  }

  /** The forged token is a copy of one the gateway has just accepted (and keeps, not to check it again) with another signature. */
  @Test
  void noTokenOrAForgedOneIsRefusedBeforeRouting() {
    web.get().uri("/api/checkins/today").exchange()
        .expectStatus().isUnauthorized().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader().exists(TendHeaders.REQUEST_ID);
    String token = newPartnerToken();
    web.get().uri("/api/checkins/today").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isEqualTo(503);
    String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
    web.get().uri("/api/checkins/today").headers(h -> h.setBearerAuth(forged)).exchange()
        .expectStatus().isUnauthorized().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void aClientsRequestIdIsKeptAndAnUnsafeOneIsReplaced() {
    web.get().uri("/api/checkins/today").header(TendHeaders.REQUEST_ID, "client-request-0001").exchange()
        .expectHeader().valueEquals(TendHeaders.REQUEST_ID, "client-request-0001");
    web.get().uri("/api/checkins/today").header(TendHeaders.REQUEST_ID, "bad id <script>alert(1)</script>").exchange()
        .expectHeader().value(TendHeaders.REQUEST_ID, id -> assertThat(id).doesNotContain("script").hasSize(36));
  }

  @Test
  void onePersonsBurstIsLimitedWithoutLimitingAnother() {
    String token = newPartnerToken();
    for (int i = 0; i < 5; i++) {
      web.get().uri("/api/checkins/today").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isEqualTo(503);
    }
    web.get().uri("/api/checkins/today").headers(h -> h.setBearerAuth(token)).exchange()
        .expectStatus().isEqualTo(429)
        .expectHeader().exists("Retry-After")
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    web.get().uri("/api/checkins/today").headers(h -> h.setBearerAuth(newPartnerToken())).exchange()
        .expectStatus().isEqualTo(503);
  }

  @Test
  void theApiDescriptionsAreReachableWithoutSigningIn() {
    // The services are down here, so the route answers 503 — but it is routed, not refused.
    web.get().uri("/api/checkins/openapi").exchange().expectStatus().isEqualTo(503);
  }

  @Test
  void everyAnswerCarriesTheSecurityHeadersRefusalsAndRoutedOnesAlike() {
    String token = newPartnerToken();
    for (var response : List.of(
        web.get().uri("/api/checkins/today").exchange(),
        web.get().uri("/api/checkins/openapi").exchange(),
        web.get().uri("/api/accounts/me").headers(h -> h.setBearerAuth(token)).exchange())) {
      response.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
          .expectHeader().valueEquals("X-Frame-Options", "DENY")
          .expectHeader().valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
          .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
          .expectHeader().exists(TendHeaders.REQUEST_ID);
    }
  }

  @Test
  void browsersMayCallOnlyFromTheConfiguredOrigins() {
    web.options().uri("/api/checkins/today").header("Origin", "https://partner-app.example.org")
        .header("Access-Control-Request-Method", "PUT").header("Access-Control-Request-Headers", "authorization,content-type").exchange()
        .expectStatus().isOk()
        .expectHeader().valueEquals("Access-Control-Allow-Origin", "https://partner-app.example.org");
    web.options().uri("/api/checkins/today").header("Origin", "https://elsewhere.example.com")
        .header("Access-Control-Request-Method", "PUT").exchange()
        .expectStatus().isForbidden()
        .expectHeader().doesNotExist("Access-Control-Allow-Origin");
  }

  @Test
  void aTooLargeBodyIsRefusedBeforeItIsReadOrRouted() {
    String token = newPartnerToken();
    byte[] large = new byte[65 * 1024];
    java.util.Arrays.fill(large, (byte) 'a');
    web.put().uri("/api/checkins/today").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON).bodyValue(large)
        .exchange()
        .expectStatus().isEqualTo(413)
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("64 KB").contains("Nothing was changed"));
    // Just under the limit it is routed (to a service that is down here: 503, not 413).
    web.put().uri("/api/checkins/today").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(new byte[60 * 1024]).exchange().expectStatus().isEqualTo(503);
  }

  @Test
  void aServiceThatStopsAnsweringIsCutOffAndAnsweredForAtOnce() {
    // Each person has their own rate limit; these calls are one person's, so use a fresh one per call.
    for (int i = 0; i < 3; i++) {
      String token = newPartnerToken();
      long started = System.nanoTime();
      web.get().uri("/api/notifications").headers(h -> h.setBearerAuth(token)).exchange()
          .expectStatus().isEqualTo(504)
          .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(10));
    }
    // Three failures in three calls: the breaker is open, and the next caller is not kept waiting.
    String token = newPartnerToken();
    long started = System.nanoTime();
    web.get().uri("/api/notifications").headers(h -> h.setBearerAuth(token)).exchange()
        .expectStatus().isEqualTo(503)
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("not answering right now"));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
  }
}
