package app.tend.checkins.checkin;

import app.tend.checkins.CheckinServers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.tend.testkit.TestCouples;
import app.tend.testkit.TestCouples.Login;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * Clients that give up mid-request must not break the write path: every answer of 2xx is
 * committed, no connection is left inside an open transaction, and later writes still commit
 * (the cancel-versus-rollback race of spring-framework issue 32115).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CancelledWritesIT {

  private static final Map<String, Object> ANSWERS =
      Map.of("followThrough", 2, "empathicListening", 3, "honesty", 4, "mattering", 1, "connected", 3);

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    CheckinServers.register(registry);
  }

  @LocalServerPort int port;
  @Autowired DatabaseClient database;

  @Test
  void cancelledCheckinsLeaveNoOpenTransactionAndEveryAcceptedOneIsStored() {
    UUID clinic = UUID.randomUUID();
    List<Login> partners = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      var couple = TestCouples.enrol(clinic, "Europe/Paris");
      partners.add(couple.first());
      partners.add(couple.second());
    }
    Map<UUID, String> tokens = new ConcurrentHashMap<>();
    partners.forEach(partner -> tokens.put(partner.id(), partner.token()));
    await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from partner where clinic_id = '" + clinic + "'") == 20);
    var client = WebClient.create("http://localhost:" + port);
    Set<UUID> accepted = ConcurrentHashMap.newKeySet();
    // Warm: keys fetched, code compiled, pools filled, so cancellations land inside the write itself.
    for (Login partner : partners) {
      client.get().uri("/api/checkins/today").headers(h -> h.setBearerAuth(tokens.get(partner.id())))
          .retrieve().toBodilessEntity().block(Duration.ofSeconds(30));
    }

    // Every partner's first check-in, each abandoned by its client after 0–1000 ms, so some finish and some do not.
    Flux.fromIterable(partners)
        .flatMap(partner -> client.put().uri("/api/checkins/today")
            .headers(h -> h.setBearerAuth(tokens.get(partner.id())))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(ANSWERS)
            .retrieve().toBodilessEntity()
            .doOnNext(response -> {
              if (response.getStatusCode().is2xxSuccessful()) {
                accepted.add(partner.id());
              }
            })
            .take(Duration.ofMillis(ThreadLocalRandom.current().nextInt(0, 1001)))
            .onErrorResume(e -> reactor.core.publisher.Mono.empty()), 20)
        .blockLast(Duration.ofSeconds(60));

    System.out.printf("CancelledWritesIT: %d of %d check-ins answered 2xx before their clients gave up%n", accepted.size(), partners.size());
    assertThat(accepted).as("some clients must have given up, or nothing was cancelled").hasSizeLessThan(partners.size());
    System.out.printf("CancelledWritesIT: %d check-ins stored in all, so %d of the cancelled ones ran to their commit%n",
        count("select count(*) from checkin where clinic_id = '" + clinic + "'"),
        count("select count(*) from checkin where clinic_id = '" + clinic + "'") - accepted.size());
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(count("select count(*) from pg_stat_activity where datname = 'checkins' and state like 'idle in transaction%'"))
            .isZero());
    for (UUID partner : accepted) {
      assertThat(count("select count(*) from checkin where partner_id = '" + partner + "'")).as("accepted %s", partner).isEqualTo(1);
    }
    // Whatever was cancelled, every partner can still check in, and it is stored once.
    for (Login partner : partners) {
      var status = client.put().uri("/api/checkins/today").headers(h -> h.setBearerAuth(tokens.get(partner.id())))
          .contentType(MediaType.APPLICATION_JSON).bodyValue(ANSWERS)
          .retrieve().toBodilessEntity().block(Duration.ofSeconds(30)).getStatusCode();
      assertThat(status.is2xxSuccessful()).isTrue();
    }
    assertThat(count("select count(*) from checkin where clinic_id = '" + clinic + "'")).isEqualTo(20);
    assertThat(count("select count(*) from outbox_event e join checkin c on c.id::text = (e.envelope::json -> 'payload' ->> 'checkinId')"
        + " where c.clinic_id = '" + clinic + "' and e.event_type = 'CheckinSubmitted'")).isEqualTo(20);
  }

  private long count(String sql) {
    return database.sql(sql).map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(10));
  }
}
