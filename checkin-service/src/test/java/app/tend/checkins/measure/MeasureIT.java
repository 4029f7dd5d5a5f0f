package app.tend.checkins.measure;

import app.tend.checkins.CheckinServers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.tend.contracts.EventCodec;
import app.tend.contracts.EventEnvelope;
import app.tend.contracts.Topics;
import app.tend.contracts.accounts.ClinicSettingsChanged;
import app.tend.contracts.measure.MeasureCompleted;
import app.tend.testkit.TestCouples;
import app.tend.testkit.TestCouples.Couple;
import app.tend.testkit.TopicProbe;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
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

/** The CSI-4 on the clinic's schedule, on real PostgreSQL, Kafka and Keycloak. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class MeasureIT {

  private static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

  static Couple couple;

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    CheckinServers.register(registry);
  }

  @Autowired WebTestClient web;
  @Autowired DatabaseClient database;

  @BeforeAll
  static void enrol() {
    couple = TestCouples.enrol(UUID.randomUUID(), ZONE.getId());
  }

  private WebTestClient.ResponseSpec answer(String token, String measure, Object answers) {
    return web.post().uri("/api/checkins/measures/{m}/responses", measure).headers(h -> h.setBearerAuth(token))
        .bodyValue(Map.of("answers", answers)).exchange();
  }

  private long responses() {
    return database.sql("select count(*) from measure_response").map(row -> row.get(0, Long.class)).one().block();
  }

  @Test
  void aPartnerAnswersWhenDueIsScoredByTheDefinitionAndTheScheduleFollowsTheClinic() {
    CheckinServers.awaitJoined(database, couple);
    String first = couple.first().token();
    LocalDate today = LocalDate.now(ZONE);

    web.get().uri("/api/checkins/measures/current").headers(h -> h.setBearerAuth(first)).exchange().expectStatus().isOk().expectBody()
        .jsonPath("$.definition.id").isEqualTo("csi-4").jsonPath("$.definition.items.length()").isEqualTo(4)
        .jsonPath("$.definition.cutOff.below").isEqualTo(13.5)
        .jsonPath("$.due").isEqualTo(true).jsonPath("$.everyDays").isEqualTo(7).jsonPath("$.history.length()").isEqualTo(0);

    long before = responses();
    answer(first, "csi-4", Map.of("1", 3, "2", 9)).expectStatus().isBadRequest().expectBody().jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("question 2 has no answer 9").contains("please answer question 3"));
    answer(first, "csi-32", Map.of("1", 3)).expectStatus().isNotFound();
    answer(couple.clinician().token(), "csi-4", Map.of("1", 3, "2", 3, "3", 3, "4", 4)).expectStatus().isNotFound();
    assertThat(responses()).isEqualTo(before);

    answer(first, "csi-4", Map.of("1", 3, "2", 3, "3", 3, "4", 4)).expectStatus().isCreated().expectBody()
        .jsonPath("$.due").isEqualTo(false).jsonPath("$.nextDueOn").isEqualTo(today.plusDays(7).toString())
        .jsonPath("$.history[0].score").isEqualTo(13.0).jsonPath("$.history[0].belowCutOff").isEqualTo(true);
    answer(first, "csi-4", Map.of("1", 6, "2", 5, "3", 5, "4", 5)).expectStatus().isEqualTo(422)
        .expectBody().jsonPath("$.title").isEqualTo("Not due yet");

    // Each partner's measure is their own: the other partner's page shows nothing of it.
    web.get().uri("/api/checkins/measures/current").headers(h -> h.setBearerAuth(couple.second().token())).exchange().expectBody()
        .jsonPath("$.due").isEqualTo(true).jsonPath("$.history.length()").isEqualTo(0);

    var codec = new EventCodec();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      List<EventEnvelope> events = TopicProbe.envelopes(Topics.CHECKIN_MEASURE, "partnerId", couple.first().id(), Duration.ofSeconds(2));
      assertThat(events).hasSize(1);
      var completed = codec.payload(events.getFirst(), MeasureCompleted.class);
      assertThat(completed.score()).isEqualTo(13.0);
      assertThat(completed.belowCutOff()).isTrue();
      assertThat(completed.localDate()).isEqualTo(today);
      assertThat(events.getFirst().payload().has("answers")).isFalse();
    });

    // As FHIR R4, for the partner and for their clinician; nobody else, and never the other partner's answers.
    web.get().uri("/api/checkins/measures/mine/fhir").headers(h -> h.setBearerAuth(first)).exchange().expectStatus().isOk()
        .expectHeader().contentTypeCompatibleWith("application/fhir+json").expectBody()
        .jsonPath("$.resourceType").isEqualTo("Bundle")
        .jsonPath("$.entry[0].resource.resourceType").isEqualTo("Questionnaire")
        .jsonPath("$.entry[1].resource.resourceType").isEqualTo("QuestionnaireResponse")
        .jsonPath("$.entry[1].resource.subject.identifier.value").isEqualTo(couple.first().id().toString());
    web.get().uri("/api/checkins/measures/mine/fhir").headers(h -> h.setBearerAuth(couple.second().token())).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.entry.length()").isEqualTo(1);
    String clinicianPath = "/api/checkins/measures/couples/" + couple.coupleId() + "/partners/" + couple.first().id() + "/fhir";
    web.get().uri(clinicianPath).headers(h -> h.setBearerAuth(couple.clinician().token())).exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.entry[1].resource.status").isEqualTo("completed");
    web.get().uri(clinicianPath).headers(h -> h.setBearerAuth(couple.second().token())).exchange().expectStatus().isNotFound();
    web.get().uri("/api/checkins/measures/couples/" + couple.coupleId() + "/partners/" + UUID.randomUUID() + "/fhir")
        .headers(h -> h.setBearerAuth(couple.clinician().token())).exchange().expectStatus().isNotFound();
    assertThat(database.sql("select count(*) from audit_event where couple_id = :c and action = 'measures.fhir'").bind("c", couple.coupleId())
        .map(row -> row.get(0, Long.class)).one().block()).isEqualTo(2);

    // Both partners' scores beside the cut-off, for the clinician's couple page; audited; nobody else's.
    String historyPath = "/api/checkins/measures/couples/" + couple.coupleId() + "/history";
    web.get().uri(historyPath).headers(h -> h.setBearerAuth(couple.clinician().token())).exchange().expectStatus().isOk().expectBody()
        .jsonPath("$.measureId").isEqualTo("csi-4").jsonPath("$.cutOff").isEqualTo(13.5).jsonPath("$.max").isEqualTo(21.0)
        .jsonPath("$.partners.length()").isEqualTo(2)
        .jsonPath("$.partners[?(@.partnerId == '" + couple.first().id() + "')].scores[0].score").isEqualTo(13.0)
        .jsonPath("$.partners[?(@.partnerId == '" + couple.second().id() + "')].scores.length()").isEqualTo(0);
    for (String other : List.of(first, couple.second().token())) {
      web.get().uri(historyPath).headers(h -> h.setBearerAuth(other)).exchange().expectStatus().isNotFound();
    }
    assertThat(database.sql("select count(*) from audit_event where couple_id = :c and action = 'measures.history'").bind("c", couple.coupleId())
        .map(row -> row.get(0, Long.class)).one().block()).isEqualTo(1);

    // The clinic asks every two weeks from now on.
    TopicProbe.publish(new ClinicSettingsChanged(couple.clinicId(), LocalTime.of(20, 0), LocalTime.of(22, 0), LocalTime.of(7, 0), 1.0, 4, 14),
        couple.clinicId(), couple.clinicId());
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        web.get().uri("/api/checkins/measures/current").headers(h -> h.setBearerAuth(first)).exchange().expectBody()
            .jsonPath("$.everyDays").isEqualTo(14).jsonPath("$.nextDueOn").isEqualTo(today.plusDays(14).toString()));
  }
}
