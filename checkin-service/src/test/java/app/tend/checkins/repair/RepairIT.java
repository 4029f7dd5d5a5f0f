package app.tend.checkins.repair;

import app.tend.checkins.CheckinServers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.tend.contracts.EventEnvelope;
import app.tend.contracts.Topics;
import app.tend.testkit.TestCouples;
import app.tend.testkit.TestCouples.Couple;
import app.tend.testkit.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A repair walked through by both partners on real PostgreSQL, Kafka and Keycloak, with each event through the outbox. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class RepairIT {

  static Couple couple;
  static Couple otherCouple;

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    CheckinServers.register(registry);
  }

  @Autowired WebTestClient web;
  @Autowired DatabaseClient database;

  @BeforeAll
  static void enrolCouples() {
    UUID clinic = UUID.randomUUID();
    couple = TestCouples.enrol(clinic, "Europe/Berlin");
    otherCouple = TestCouples.enrol(clinic, "Europe/Berlin");
  }

  private WebTestClient.ResponseSpec post(String token, String path, Object body) {
    return web.post().uri(path).headers(h -> h.setBearerAuth(token)).bodyValue(body).exchange();
  }

  private long rows(String sql) {
    return database.sql(sql).map(row -> row.get(0, Long.class)).one().block();
  }

  @Test
  void bothPartnersWalkThroughARepairInOrderAndItsActionsBecomeCommitments() {
    CheckinServers.awaitJoined(database, couple);
    String hurt = couple.first().token();
    String responsible = couple.second().token();

    // The partner who broke a promise opens it, taking responsibility.
    String id = new String(post(responsible, "/api/checkins/repairs",
            Map.of("category", "BROKEN_PROMISE", "seriousness", 3, "iWasHurt", false))
        .expectStatus().isCreated().expectBody()
        .jsonPath("$.state").isEqualTo("IMPACT").jsonPath("$.myRole").isEqualTo("RESPONSIBLE").jsonPath("$.myTurn").isEqualTo(false)
        .returnResult().getResponseBody()).replaceAll("^\\{\"id\":\"([^\"]+)\".*", "$1");
    String repair = "/api/checkins/repairs/" + id;

    // Out of order, or by the wrong partner: refused, with what happens now, and nothing changes.
    post(responsible, repair + "/acknowledgement", Map.of("words", "I am sorry")).expectStatus().isEqualTo(422)
        .expectBody().jsonPath("$.title").isEqualTo("Not this step yet")
        .jsonPath("$.detail").isEqualTo("Now: your partner describes how it affected them.");
    post(responsible, repair + "/impact", Map.of("words", "x")).expectStatus().isEqualTo(422)
        .expectBody().jsonPath("$.title").isEqualTo("This step is your partner's");
    post(hurt, repair + "/impact", Map.of("words", " ")).expectStatus().isBadRequest();
    post(hurt, repair + "/impact", Map.of("words", "x".repeat(2001))).expectStatus().isBadRequest();
    post(otherCouple.first().token(), repair + "/impact", Map.of("words", "Not mine")).expectStatus().isNotFound();
    web.get().uri(repair).headers(h -> h.setBearerAuth(couple.clinician().token())).exchange().expectStatus().isNotFound();
    assertThat(rows("select count(*) from repair_step where repair_id = '" + id + "'")).isEqualTo(1);

    post(hurt, repair + "/impact", Map.of("words", "I waited an hour and felt I did not count.")).expectStatus().isOk()
        .expectBody().jsonPath("$.state").isEqualTo("ACKNOWLEDGEMENT").jsonPath("$.myRole").isEqualTo("HURT");
    post(responsible, repair + "/acknowledgement", Map.of("words", "I forgot, and that was mine to carry. I am sorry."))
        .expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("ACTIONS").jsonPath("$.myTurn").isEqualTo(true);
    post(responsible, repair + "/actions", Map.of("actions", List.of())).expectStatus().isBadRequest();
    post(responsible, repair + "/actions", Map.of("actions", List.of(Map.of("words", "set a reminder for our plans",
        "schedule", Map.of("kind", "DAILY", "time", "09:00"))))).expectStatus().isOk()
        .expectBody().jsonPath("$.state").isEqualTo("AGREEMENT").jsonPath("$.actions.length()").isEqualTo(1);
    post(hurt, repair + "/agreement", Map.of("agreed", false, "words", "Could you also tell me when plans change?"))
        .expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("ACTIONS");
    post(responsible, repair + "/actions", Map.of("actions", List.of(
        Map.of("words", "set a reminder for our plans", "schedule", Map.of("kind", "DAILY", "time", "09:00")),
        Map.of("words", "text you as soon as plans change", "schedule", Map.of("kind", "WEEKDAYS", "time", "17:00")))))
        .expectStatus().isOk();
    post(hurt, repair + "/session", Map.of()).expectStatus().isOk().expectBody().jsonPath("$.broughtToSession").isEqualTo(true);
    post(responsible, repair + "/session", Map.of()).expectStatus().isOk(); // the second ask changes nothing
    post(hurt, repair + "/agreement", Map.of("agreed", true)).expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("CLOSING");

    // The agreed actions are now the responsible partner's commitments to the hurt partner.
    assertThat(rows("select count(*) from commitment where repair_id = '" + id + "' and author_id = '" + couple.second().id()
        + "' and partner_id = '" + couple.first().id() + "'")).isEqualTo(2);
    web.get().uri("/api/checkins/commitments").headers(h -> h.setBearerAuth(hurt)).exchange().expectBody()
        .jsonPath("$.toMe[*].words").value(words -> assertThat(words.toString()).contains("text you as soon as plans change"));

    post(hurt, repair + "/feels-repaired", Map.of()).expectStatus().isOk().expectBody()
        .jsonPath("$.state").isEqualTo("CLOSING").jsonPath("$.iFeelRepaired").isEqualTo(true).jsonPath("$.myTurn").isEqualTo(false);
    post(hurt, repair + "/feels-repaired", Map.of()).expectStatus().isOk(); // saying it again changes nothing
    post(responsible, repair + "/feels-repaired", Map.of()).expectStatus().isOk().expectBody()
        .jsonPath("$.state").isEqualTo("CLOSED").jsonPath("$.partnerFeelsRepaired").isEqualTo(true);
    post(hurt, repair + "/session", Map.of()).expectStatus().isEqualTo(422).expectBody().jsonPath("$.title").isEqualTo("This repair is closed");

    // Both see the same repair: every step, in order, each told from their own side.
    web.get().uri(repair).headers(h -> h.setBearerAuth(hurt)).exchange().expectStatus().isOk().expectBody()
        .jsonPath("$.steps[*].kind").isEqualTo(List.of("OPENED", "IMPACT_DESCRIBED", "ACKNOWLEDGED", "ACTIONS_PROPOSED", "CHANGES_ASKED",
            "ACTIONS_PROPOSED", "BROUGHT_TO_SESSION", "ACTIONS_AGREED", "FEELS_REPAIRED", "FEELS_REPAIRED"))
        .jsonPath("$.steps[1].byMe").isEqualTo(true)
        .jsonPath("$.steps[2].words").isEqualTo("I forgot, and that was mine to carry. I am sorry.");

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      List<EventEnvelope> events = TopicProbe.envelopes(Topics.CHECKIN_REPAIR, "repairId", UUID.fromString(id), Duration.ofSeconds(2));
      assertThat(events).extracting(EventEnvelope::eventType).containsExactly("RepairOpened",
          "RepairStepTaken", "RepairStepTaken", "RepairStepTaken", "RepairStepTaken", "RepairStepTaken",
          "RepairStepTaken", "RepairBroughtToSession", "RepairStepTaken", "RepairStepTaken", "RepairStepTaken", "RepairClosed");
      assertThat(events).allSatisfy(event -> assertThat(event.payload().toString()).doesNotContain("waited", "sorry", "reminder"));
    });
  }

  @Test
  void openingNeedsAKnownCategoryASeriousnessAndASide() {
    CheckinServers.awaitJoined(database, couple);
    long before = rows("select count(*) from repair");
    post(couple.first().token(), "/api/checkins/repairs", Map.of("category", "SOMETHING", "seriousness", 9))
        .expectStatus().isBadRequest().expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
            .contains("please choose what happened").contains("from 1 (a little) to 5 (very)").contains("whether you were hurt"));
    post(couple.clinician().token(), "/api/checkins/repairs", Map.of("category", "OTHER", "seriousness", 2, "iWasHurt", true))
        .expectStatus().isNotFound();
    assertThat(rows("select count(*) from repair")).isEqualTo(before);
  }
}
