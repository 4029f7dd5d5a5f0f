package app.tend.checkins.checkin;

import app.tend.checkins.CheckinServers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.tend.contracts.Topics;
import app.tend.contracts.accounts.ConsentChanged;
import app.tend.contracts.accounts.PreferencesChanged;
import app.tend.testkit.TestCouples;
import app.tend.testkit.TestCouples.Couple;
import app.tend.testkit.TestInfrastructure;
import app.tend.testkit.TopicProbe;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The check-in slice of checkin-service on real PostgreSQL, Kafka and Keycloak. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class CheckinFlowIT {

  private static final Map<String, Object> GOOD_DAY =
      Map.of("followThrough", 4, "empathicListening", 3, "honesty", 4, "mattering", 2, "connected", 4);

  static Couple couple;
  static Couple otherCouple;
  static Couple otherClinicCouple;

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
    otherCouple = TestCouples.enrol(clinic, "America/New_York");
    otherClinicCouple = TestCouples.enrol(UUID.randomUUID(), "Pacific/Auckland");
  }

  private WebTestClient.ResponseSpec submit(String token, Object body) {
    return web.put().uri("/api/checkins/today").headers(h -> h.setBearerAuth(token))
        .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
  }

  private long checkinRows(UUID partnerId) {
    return database.sql("select count(*) from checkin where partner_id = :p").bind("p", partnerId)
        .map(row -> row.get(0, Long.class)).one().block();
  }

  @Test
  void theFirstCheckinOfTheDayIsCreatedAndAnnouncedOnceAndAResubmissionUpdatesIt() {
    CheckinServers.awaitJoined(database, couple);
    String token = couple.first().token();

    submit(token, GOOD_DAY).expectStatus().isCreated()
        .expectBody().jsonPath("$.day").isEqualTo(LocalDate.now(ZoneId.of("Europe/Berlin")).toString())
        .jsonPath("$.followThrough").isEqualTo(4);
    submit(token, GOOD_DAY).expectStatus().isOk();
    var changed = new java.util.HashMap<>(GOOD_DAY);
    changed.put("connected", 5);
    submit(token, changed).expectStatus().isOk().expectBody().jsonPath("$.connected").isEqualTo(5);

    assertThat(checkinRows(couple.first().id())).isEqualTo(1);
    web.get().uri("/api/checkins/today").headers(h -> h.setBearerAuth(token)).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.checkin.connected").isEqualTo(5);

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      var events = TopicProbe.envelopes(Topics.CHECKIN_CHECKIN, "partnerId", couple.first().id(), Duration.ofSeconds(2));
      assertThat(events).extracting(e -> e.eventType()).containsExactly("CheckinSubmitted", "CheckinRevised");
      assertThat(events.getFirst().aggregateId()).isEqualTo(couple.coupleId());
      assertThat(events.getFirst().requestId()).isNotBlank();
    });
  }

  @Test
  void anAppreciationReachesThePartnerAfterTheyCheckInAndAPrivateReflectionReachesNobodyElse() {
    var pair = TestCouples.enrol(couple.clinicId(), "Europe/Berlin");
    CheckinServers.awaitJoined(database, pair);
    var words = new java.util.HashMap<String, Object>(GOOD_DAY);
    words.put("appreciation", "Thank you for listening last night.");
    words.put("privateReflection", "I still feel unheard about the money talk.");
    submit(pair.first().token(), words).expectStatus().isCreated()
        .expectBody().jsonPath("$.privateReflection").isEqualTo("I still feel unheard about the money talk.");

    String partner = pair.second().token();
    // Before checking in, the partner gets no appreciation: it is waiting for them, not a price.
    web.get().uri("/api/checkins/today").headers(h -> h.setBearerAuth(partner)).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.partnerAppreciation").doesNotExist();
    submit(partner, GOOD_DAY).expectStatus().isCreated();
    String today = web.get().uri("/api/checkins/today").headers(h -> h.setBearerAuth(partner)).exchange()
        .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    assertThat(today).contains("Thank you for listening last night.").doesNotContain("unheard");
    for (String path : new String[] {"/api/checkins/trends", "/api/checkins/couples/" + pair.coupleId() + "/mine?from=2026-01-01&to=2026-12-31"}) {
      String body = web.get().uri(path).headers(h -> h.setBearerAuth(partner)).exchange()
          .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
      assertThat(body).as(path).doesNotContain("unheard").doesNotContain("Thank you for listening");
    }
    // Words never travel in events.
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
        TopicProbe.envelopes(Topics.CHECKIN_CHECKIN, "partnerId", pair.first().id(), Duration.ofSeconds(2)))
        .isNotEmpty()
        .allSatisfy(event -> assertThat(event.payload().toString()).doesNotContain("unheard").doesNotContain("Thank you")));
  }

  @Test
  void thePartnersWordsShownAreTheOnesTheyWroteOnTheirOwnTodayWhereverEachOfThemIs() {
    // A couple a day apart: the first partner in the first time zone of all, the second in one of the last.
    var apart = TestCouples.enrol(UUID.randomUUID(), "Pacific/Kiritimati");
    CheckinServers.awaitJoined(database, apart);
    TopicProbe.publish(new PreferencesChanged(apart.coupleId(), apart.clinicId(), apart.second().id(), "Pacific/Pago_Pago",
        LocalTime.of(20, 0), LocalTime.of(22, 0), LocalTime.of(7, 0), Set.of()), apart.clinicId(), apart.coupleId());
    await().atMost(Duration.ofSeconds(60)).until(() -> "Pacific/Pago_Pago".equals(
        database.sql("select time_zone from partner where partner_id = :p").bind("p", apart.second().id())
            .map(row -> row.get(0, String.class)).one().block()));
    LocalDate theirToday = LocalDate.now(ZoneId.of("Pacific/Pago_Pago"));
    // What they wrote on their yesterday, as an earlier check-in of theirs stored it.
    database.sql("""
            insert into checkin (id, clinic_id, couple_id, partner_id, local_date, follow_through, empathic_listening, honesty,
                                 mattering, connected, appreciation, submitted_at, updated_at)
            values (:id, :clinic, :couple, :partner, :day, 3, 3, 3, 3, 3, 'Words from my yesterday.', now(), now())
            """)
        .bind("id", UUID.randomUUID()).bind("clinic", apart.clinicId()).bind("couple", apart.coupleId())
        .bind("partner", apart.second().id()).bind("day", theirToday.minusDays(1))
        .then().block();
    String first = apart.first().token();
    submit(first, GOOD_DAY).expectStatus().isCreated();

    web.get().uri("/api/checkins/today").headers(h -> h.setBearerAuth(first)).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$.day").isEqualTo(LocalDate.now(ZoneId.of("Pacific/Kiritimati")).toString())
        .jsonPath("$.partnerAppreciation").doesNotExist();

    var words = new java.util.HashMap<String, Object>(GOOD_DAY);
    words.put("appreciation", "Words from my today.");
    words.put("privateReflection", "Only mine.");
    submit(apart.second().token(), words).expectStatus().isCreated()
        .expectBody().jsonPath("$.day").isEqualTo(theirToday.toString());
    String today = web.get().uri("/api/checkins/today").headers(h -> h.setBearerAuth(first)).exchange()
        .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    assertThat(today).contains("\"partnerAppreciation\":\"Words from my today.\"").doesNotContain("yesterday")
        .doesNotContain("Only mine");
  }

  @Test
  void aPartnerSeesTheirOwnTrendsOnly() {
    CheckinServers.awaitJoined(database, otherCouple);
    String token = otherCouple.first().token();
    submit(token, GOOD_DAY).expectStatus().is2xxSuccessful();

    web.get().uri("/api/checkins/trends").headers(h -> h.setBearerAuth(token)).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$.daysCheckedInLast14").isEqualTo(1)
        .jsonPath("$.daysPractised").isEqualTo(1)
        .jsonPath("$.measures[0].measure").isEqualTo("FOLLOW_THROUGH")
        .jsonPath("$.measures[0].average7").isEqualTo(4.0)
        .jsonPath("$.measures[0].days.length()").isEqualTo(28)
        .jsonPath("$.measures[0].direction").isEqualTo("NOT_ENOUGH_DAYS");
    // The other partner has not checked in: their trends are empty, not their partner's.
    web.get().uri("/api/checkins/trends").headers(h -> h.setBearerAuth(otherCouple.second().token())).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.daysPractised").isEqualTo(0);
    web.get().uri("/api/checkins/trends").headers(h -> h.setBearerAuth(otherCouple.clinician().token())).exchange()
        .expectStatus().isNotFound();
  }

  @Test
  void aCheckinAcceptedWhileKafkaIsDownIsPublishedWhenItReturns() {
    CheckinServers.awaitJoined(database, couple);
    String token = couple.second().token();
    var kafka = TestInfrastructure.kafka();
    kafka.stop();
    try {
      submit(token, GOOD_DAY).expectStatus().isCreated();
      assertThat(checkinRows(couple.second().id())).isEqualTo(1);
    } finally {
      kafka.start();
    }
    await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
        assertThat(TopicProbe.envelopes(Topics.CHECKIN_CHECKIN, "partnerId", couple.second().id(), Duration.ofSeconds(2)))
            .extracting(e -> e.eventType()).containsExactly("CheckinSubmitted"));
  }

  @Test
  void changedPreferencesAndConsentTakeEffectHere() {
    var moving = TestCouples.enrol(UUID.randomUUID(), "Europe/Berlin");
    CheckinServers.awaitJoined(database, moving);
    // A zone a whole day ahead of most: "today" follows the partner's new zone at once.
    TopicProbe.publish(new PreferencesChanged(moving.coupleId(), moving.clinicId(), moving.first().id(), "Pacific/Kiritimati",
        LocalTime.of(20, 0), LocalTime.of(22, 0), LocalTime.of(7, 0), Set.of()), moving.clinicId(), moving.coupleId());
    TopicProbe.publish(new ConsentChanged(moving.coupleId(), moving.clinicId(), moving.first().id(), true), moving.clinicId(), moving.coupleId());
    await().atMost(Duration.ofSeconds(60)).until(() -> Boolean.TRUE.equals(
        database.sql("select reflections_visible_to_clinician from partner where partner_id = :p").bind("p", moving.first().id())
            .map(row -> row.get(0, Boolean.class)).one().block()));

    web.get().uri("/api/checkins/today").headers(h -> h.setBearerAuth(moving.first().token())).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.day").isEqualTo(LocalDate.now(ZoneId.of("Pacific/Kiritimati")).toString());
    assertThat(database.sql("select reflections_visible_to_clinician from partner where partner_id = :p").bind("p", moving.second().id())
        .map(row -> row.get(0, Boolean.class)).one().block()).isFalse();
  }

  @Test
  void aPartnerOfAnotherCoupleOrAnotherClinicFindsNothing() {
    CheckinServers.awaitJoined(database, couple);
    CheckinServers.awaitJoined(database, otherCouple);
    CheckinServers.awaitJoined(database, otherClinicCouple);
    String mine = "/api/checkins/couples/" + couple.coupleId() + "/mine?from=2026-01-01&to=2026-12-31";

    web.get().uri(mine).headers(h -> h.setBearerAuth(couple.first().token())).exchange().expectStatus().isOk();
    web.get().uri(mine).headers(h -> h.setBearerAuth(otherCouple.first().token())).exchange()
        .expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    web.get().uri(mine).headers(h -> h.setBearerAuth(otherClinicCouple.first().token())).exchange()
        .expectStatus().isNotFound();
    // A clinician is not a partner: this endpoint gives them nothing either.
    web.get().uri(mine).headers(h -> h.setBearerAuth(couple.clinician().token())).exchange()
        .expectStatus().isNotFound();
    web.get().uri("/api/checkins/today").headers(h -> h.setBearerAuth(couple.clinician().token())).exchange()
        .expectStatus().isNotFound();
  }

  @Test
  void badInputGetsAProblemAndWritesNothing() {
    CheckinServers.awaitJoined(database, otherCouple);
    String token = otherCouple.second().token();
    UUID partner = otherCouple.second().id();

    var outOfRange = new java.util.HashMap<>(GOOD_DAY);
    outOfRange.put("honesty", 5);
    submit(token, outOfRange).expectStatus().isBadRequest()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("honesty must be a whole number from 0 to 4"));
    var missing = new java.util.HashMap<>(GOOD_DAY);
    missing.remove("connected");
    submit(token, missing).expectStatus().isBadRequest().expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("connected is missing"));
    var unknownField = new java.util.HashMap<>(GOOD_DAY);
    unknownField.put("unsafe", true);
    submit(token, unknownField).expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    submit(token, "{\"followThrough\": 4,").expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    submit(token, Map.of("followThrough", "four", "empathicListening", 3, "honesty", 4, "mattering", 2, "connected", 4))
        .expectStatus().isBadRequest();
    var yesterday = new java.util.HashMap<>(GOOD_DAY);
    yesterday.put("day", LocalDate.now(ZoneId.of("America/New_York")).minusDays(1).toString());
    submit(token, yesterday).expectStatus().isEqualTo(422).expectBody().jsonPath("$.title").isEqualTo("That day has ended");

    web.put().uri("/api/checkins/today").contentType(MediaType.APPLICATION_JSON).bodyValue(GOOD_DAY).exchange()
        .expectStatus().isUnauthorized().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    String tampered = tamper(token);
    submit(tampered, GOOD_DAY).expectStatus().isUnauthorized().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

    assertThat(checkinRows(partner)).isZero();
  }

  /** The same token with its payload changed to another subject: the signature no longer fits. */
  private static String tamper(String token) {
    String[] parts = token.split("\\.");
    var decoder = java.util.Base64.getUrlDecoder();
    String payload = new String(decoder.decode(parts[1])).replaceFirst("\"sub\":\"[^\"]+\"", "\"sub\":\"" + UUID.randomUUID() + "\"");
    return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];
  }
}
