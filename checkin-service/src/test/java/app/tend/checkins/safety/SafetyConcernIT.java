package app.tend.checkins.safety;

import app.tend.checkins.CheckinServers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.tend.contracts.EventCodec;
import app.tend.contracts.EventEnvelope;
import app.tend.contracts.Topics;
import app.tend.contracts.accounts.ConsentChanged;
import app.tend.contracts.checkin.SafetyConcernRaised;
import app.tend.testkit.TestCouples;
import app.tend.testkit.TestCouples.Couple;
import app.tend.testkit.TestInfrastructure;
import app.tend.testkit.TopicProbe;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

/**
 * "I don't feel safe" and what the couple's clinician reads, on real PostgreSQL, Kafka and
 * Keycloak: the flag reaches clinic staff through the outbox and leaves no trace anywhere the other
 * partner can look; reflections reach the clinician only by consent; every read is audited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class SafetyConcernIT {

  private static final String ZONE = "Europe/Berlin";

  static Couple couple;
  static Couple sameClinicCouple;
  static Couple otherClinicCouple;
  static String clinicAdminEmail;

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    CheckinServers.register(registry);
  }

  @Autowired WebTestClient web;
  @Autowired DatabaseClient database;

  @BeforeAll
  static void enrolCouples() {
    UUID clinic = UUID.randomUUID();
    couple = TestCouples.enrol(clinic, ZONE);
    sameClinicCouple = TestCouples.enrol(clinic, ZONE);
    otherClinicCouple = TestCouples.enrol(UUID.randomUUID(), ZONE);
    clinicAdminEmail = "admin-" + UUID.randomUUID() + "@test.tend";
    TestInfrastructure.keycloakAdmin().createUser(clinicAdminEmail, "Ada", "Admin", TestCouples.PASSWORD, clinic, List.of("clinic-admin"));
  }

  private long count(String sql, UUID id) {
    return database.sql(sql).bind("id", id).map(row -> row.get(0, Long.class)).one().block();
  }

  private void checkIn(String token, String appreciation, String reflection) {
    var answers = new LinkedHashMap<String, Object>(
        Map.of("followThrough", 3, "empathicListening", 3, "honesty", 4, "mattering", 2, "connected", 3));
    answers.put("appreciation", appreciation);
    answers.put("privateReflection", reflection);
    web.put().uri("/api/checkins/today").headers(h -> h.setBearerAuth(token)).bodyValue(answers).exchange()
        .expectStatus().is2xxSuccessful();
  }

  /** Everything the other partner can read here, as bytes: it must not change when a flag is raised. */
  private List<String> everythingTheOtherPartnerSees() {
    String token = couple.second().token();
    LocalDate today = LocalDate.now(ZoneId.of(ZONE));
    var seen = new ArrayList<String>();
    for (String path : List.of("/api/checkins/today", "/api/checkins/trends", "/api/checkins/me/export", "/api/checkins/commitments",
        "/api/checkins/repairs", "/api/checkins/measures/current",
        "/api/checkins/couples/" + couple.coupleId() + "/mine?from=" + today.minusDays(30) + "&to=" + today)) {
      seen.add(path + " -> " + new String(web.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange()
          .expectStatus().isOk().expectBody().returnResult().getResponseBodyContent()));
    }
    return seen;
  }

  @Test
  void aRaisedConcernReachesOnlyClinicStaffAtOnceAndLeavesTheOtherPartnersViewUntouched() {
    CheckinServers.awaitJoined(database, couple);
    checkIn(couple.first().token(), "Thank you for the walk.", "I am scared of the evenings.");
    checkIn(couple.second().token(), "You listened.", "Tired.");
    // Something shared between them on every page, so an ordering or a count could give a flag away.
    web.post().uri("/api/checkins/commitments").headers(h -> h.setBearerAuth(couple.first().token()))
        .bodyValue(Map.of("words", "walk together after dinner", "schedule", Map.of("kind", "DAILY", "time", "19:00"))).exchange()
        .expectStatus().isCreated();
    web.post().uri("/api/checkins/repairs").headers(h -> h.setBearerAuth(couple.first().token()))
        .bodyValue(Map.of("category", "HURTFUL_WORDS", "seriousness", 4, "iWasHurt", true)).exchange().expectStatus().isCreated();
    var before = everythingTheOtherPartnerSees();

    // The answer says "accepted" and nothing else: no body, nothing to show on a screen.
    var answer = web.post().uri("/api/checkins/me/safety-concerns").headers(h -> h.setBearerAuth(couple.first().token())).exchange()
        .expectStatus().isAccepted().expectBody().returnResult();
    assertThat(answer.getResponseBodyContent()).isNullOrEmpty();
    // A second tap a moment later is the same concern.
    web.post().uri("/api/checkins/me/safety-concerns").headers(h -> h.setBearerAuth(couple.first().token())).exchange()
        .expectStatus().isAccepted();
    assertThat(count("select count(*) from safety_flag where partner_id = :id", couple.first().id())).isEqualTo(1);

    var codec = new EventCodec();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      List<EventEnvelope> events = TopicProbe.envelopes(Topics.CHECKIN_SAFETY, "coupleId", couple.coupleId(), Duration.ofSeconds(2));
      assertThat(events).extracting(EventEnvelope::eventType).containsExactly("SafetyConcernRaised");
      var raised = codec.payload(events.getFirst(), SafetyConcernRaised.class);
      assertThat(raised.partnerId()).isEqualTo(couple.first().id());
      // Ids and a time only: nothing of what the partner wrote.
      assertThat(events.getFirst().payload().toString()).doesNotContain("scared", "walk");
    });
    // The check-in topic, which feeds the other partner's nudges, hears nothing of it.
    assertThat(TopicProbe.envelopes(Topics.CHECKIN_CHECKIN, "coupleId", couple.coupleId(), Duration.ofSeconds(2)))
        .extracting(EventEnvelope::eventType).containsOnly("CheckinSubmitted");

    assertThat(everythingTheOtherPartnerSees()).isEqualTo(before);
    // The partner's own screens do not show it either.
    web.get().uri("/api/checkins/today").headers(h -> h.setBearerAuth(couple.first().token())).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.checkin.privateReflection").isEqualTo("I am scared of the evenings.")
        .consumeWith(result -> assertThat(new String(result.getResponseBodyContent())).doesNotContainIgnoringCase("safe"));
    web.get().uri("/api/checkins/me/export").headers(h -> h.setBearerAuth(couple.first().token())).exchange()
        .expectStatus().isOk().expectBody()
        .consumeWith(result -> assertThat(new String(result.getResponseBodyContent())).doesNotContainIgnoringCase("safe"));

    // The assigned clinician sees it; their read is audited.
    long auditedBefore = count("select count(*) from audit_event where couple_id = :id", couple.coupleId());
    web.get().uri("/api/checkins/couples/{c}/safety-flags", couple.coupleId()).headers(h -> h.setBearerAuth(couple.clinician().token()))
        .exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].partnerId").isEqualTo(couple.first().id().toString());
    assertThat(count("select count(*) from audit_event where couple_id = :id and action = 'safety-flags.list'", couple.coupleId()))
        .isEqualTo(1);

    // The caseload puts the couple on top for its own clinician only.
    web.get().uri("/api/checkins/caseload/safety-flags").headers(h -> h.setBearerAuth(couple.clinician().token())).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$[?(@.coupleId == '%s')].flags".formatted(couple.coupleId())).isEqualTo(List.of(1));
    web.get().uri("/api/checkins/caseload/safety-flags").headers(h -> h.setBearerAuth(sameClinicCouple.clinician().token())).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$[?(@.coupleId == '%s')]".formatted(couple.coupleId())).isEmpty();
    web.get().uri("/api/checkins/caseload/safety-flags").headers(h -> h.setBearerAuth(couple.second().token())).exchange()
        .expectStatus().isNotFound();
    assertThat(count("select count(*) from audit_event where couple_id = :id and action = 'safety-flags.caseload'", couple.coupleId()))
        .isEqualTo(1);
    auditedBefore = count("select count(*) from audit_event where couple_id = :id", couple.coupleId());

    // Nobody else reaches the flags, and a miss looks the same as a couple that does not exist.
    for (String token : List.of(couple.first().token(), couple.second().token(),
        TestInfrastructure.keycloakAdmin().accessToken(clinicAdminEmail, TestCouples.PASSWORD))) {
      web.get().uri("/api/checkins/couples/{c}/safety-flags", couple.coupleId()).headers(h -> h.setBearerAuth(token)).exchange()
          .expectStatus().isNotFound().expectBody().jsonPath("$.detail").isEqualTo("There is nothing here for you.");
    }
    for (String token : List.of(sameClinicCouple.clinician().token(), otherClinicCouple.clinician().token())) {
      web.get().uri("/api/checkins/couples/{c}/safety-flags", couple.coupleId()).headers(h -> h.setBearerAuth(token)).exchange()
          .expectStatus().isNotFound().expectBody().jsonPath("$.detail").isEqualTo("There is no couple here with that id among yours.");
    }
    web.get().uri("/api/checkins/couples/{c}/safety-flags", UUID.randomUUID()).headers(h -> h.setBearerAuth(couple.clinician().token()))
        .exchange().expectStatus().isNotFound().expectBody().jsonPath("$.detail").isEqualTo("There is no couple here with that id among yours.");
    assertThat(count("select count(*) from audit_event where couple_id = :id", couple.coupleId())).isEqualTo(auditedBefore);

    // Staff acknowledge it with a note, then resolve it; the history stays and the partners never see any of it.
    String clinician = couple.clinician().token();
    UUID flagId = database.sql("select id from safety_flag where partner_id = :p").bind("p", couple.first().id())
        .map(row -> row.get(0, UUID.class)).one().block();
    String flag = "/api/checkins/couples/" + couple.coupleId() + "/safety-flags/" + flagId;
    web.post().uri(flag + "/resolution").headers(h -> h.setBearerAuth(clinician)).bodyValue(Map.of("note", "Done")).exchange()
        .expectStatus().isEqualTo(422).expectBody().jsonPath("$.title").isEqualTo("Not ready to resolve");
    web.post().uri(flag + "/acknowledgement").headers(h -> h.setBearerAuth(clinician)).bodyValue(Map.of("note", " ")).exchange()
        .expectStatus().isBadRequest();
    for (String token : List.of(couple.first().token(), couple.second().token(), sameClinicCouple.clinician().token())) {
      web.post().uri(flag + "/acknowledgement").headers(h -> h.setBearerAuth(token)).bodyValue(Map.of("note", "Seen")).exchange()
          .expectStatus().isNotFound();
    }
    web.post().uri("/api/checkins/couples/" + couple.coupleId() + "/safety-flags/" + UUID.randomUUID() + "/acknowledgement")
        .headers(h -> h.setBearerAuth(clinician)).bodyValue(Map.of("note", "Seen")).exchange().expectStatus().isNotFound();
    web.post().uri(flag + "/acknowledgement").headers(h -> h.setBearerAuth(clinician))
        .bodyValue(Map.of("note", "Called her at the number she gave; she is safe tonight.")).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("ACKNOWLEDGED")
        .jsonPath("$.acknowledgedBy").isEqualTo(couple.clinician().id().toString());
    web.post().uri(flag + "/acknowledgement").headers(h -> h.setBearerAuth(clinician)).bodyValue(Map.of("note", "Again")).exchange()
        .expectStatus().isEqualTo(422).expectBody().jsonPath("$.title").isEqualTo("Already acknowledged");
    web.get().uri("/api/checkins/caseload/safety-flags").headers(h -> h.setBearerAuth(clinician)).exchange().expectBody()
        .jsonPath("$[?(@.coupleId == '%s')].unacknowledged".formatted(couple.coupleId())).isEqualTo(List.of(0));
    web.post().uri(flag + "/resolution").headers(h -> h.setBearerAuth(clinician))
        .bodyValue(Map.of("note", "Safety plan made in session.")).exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.state").isEqualTo("RESOLVED");
    web.get().uri("/api/checkins/caseload/safety-flags").headers(h -> h.setBearerAuth(clinician)).exchange().expectBody()
        .jsonPath("$[?(@.coupleId == '%s')]".formatted(couple.coupleId())).isEmpty();
    web.get().uri("/api/checkins/couples/{c}/safety-flags", couple.coupleId()).headers(h -> h.setBearerAuth(clinician)).exchange()
        .expectBody().jsonPath("$[0].state").isEqualTo("RESOLVED")
        .jsonPath("$[0].acknowledgement").isEqualTo("Called her at the number she gave; she is safe tonight.")
        .jsonPath("$[0].resolution").isEqualTo("Safety plan made in session.");
    assertThat(everythingTheOtherPartnerSees()).isEqualTo(before);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
            TopicProbe.envelopes(Topics.CHECKIN_SAFETY, "coupleId", couple.coupleId(), Duration.ofSeconds(2)))
        .extracting(EventEnvelope::eventType).containsExactly("SafetyConcernRaised", "SafetyFlagAcknowledged", "SafetyFlagResolved"));
  }

  @Test
  void theClinicianReadsBothPartnersCheckinsAndAReflectionOnlyWhereThatPartnerConsented() {
    CheckinServers.awaitJoined(database, sameClinicCouple);
    checkIn(sameClinicCouple.first().token(), "Thanks for dinner.", "First's own words.");
    checkIn(sameClinicCouple.second().token(), null, "Second's own words.");
    TopicProbe.publish(new ConsentChanged(sameClinicCouple.coupleId(), sameClinicCouple.clinicId(), sameClinicCouple.second().id(), true),
        sameClinicCouple.clinicId(), sameClinicCouple.coupleId());
    await().atMost(Duration.ofSeconds(60)).until(() -> Boolean.TRUE.equals(
        database.sql("select reflections_visible_to_clinician from partner where partner_id = :p").bind("p", sameClinicCouple.second().id())
            .map(row -> row.get(0, Boolean.class)).one().block()));

    LocalDate today = LocalDate.now(ZoneId.of(ZONE));
    String path = "/api/checkins/couples/" + sameClinicCouple.coupleId() + "/checkins?from=" + today.minusDays(7) + "&to=" + today;
    String body = new String(web.get().uri(path).headers(h -> h.setBearerAuth(sameClinicCouple.clinician().token())).exchange()
        .expectStatus().isOk().expectBody().returnResult().getResponseBodyContent());
    assertThat(body).contains("Thanks for dinner.", "Second's own words.").doesNotContain("First's own words.");
    web.get().uri(path).headers(h -> h.setBearerAuth(sameClinicCouple.clinician().token())).exchange().expectBody()
        .jsonPath("$[?(@.partnerId == '%s')].reflectionsShared".formatted(sameClinicCouple.first().id())).isEqualTo(List.of(false))
        .jsonPath("$[?(@.partnerId == '%s')].checkins[0].connected".formatted(sameClinicCouple.second().id())).isEqualTo(List.of(3));
    assertThat(count("select count(*) from audit_event where couple_id = :id and action = 'checkins.list'", sameClinicCouple.coupleId()))
        .isEqualTo(2);

    for (String token : List.of(sameClinicCouple.first().token(), couple.clinician().token(), otherClinicCouple.clinician().token())) {
      web.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isNotFound();
    }
    web.get().uri("/api/checkins/couples/" + sameClinicCouple.coupleId() + "/checkins?from=" + today + "&to=" + today.minusDays(1))
        .headers(h -> h.setBearerAuth(sameClinicCouple.clinician().token())).exchange().expectStatus().isBadRequest()
        .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("at most 366 days"));
  }
}
