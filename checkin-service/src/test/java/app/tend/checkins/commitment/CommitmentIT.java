package app.tend.checkins.commitment;

import app.tend.checkins.CheckinServers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.tend.contracts.EventCodec;
import app.tend.contracts.EventEnvelope;
import app.tend.contracts.Topics;
import app.tend.contracts.commitment.CommitmentDue;
import app.tend.testkit.TestCouples;
import app.tend.testkit.TestCouples.Couple;
import app.tend.testkit.TopicProbe;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
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

/** Commitments between partners on real PostgreSQL, Kafka and Keycloak: the rules, and each event through the outbox. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class CommitmentIT {

  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final String WORDS = "call if I'm running late";

  static Couple couple;
  static Couple otherCouple;

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    CheckinServers.register(registry);
    registry.add("tend.commitments.due-poll-interval", () -> "500ms");
  }

  @Autowired WebTestClient web;
  @Autowired DatabaseClient database;

  @BeforeAll
  static void enrolCouples() {
    UUID clinic = UUID.randomUUID();
    couple = TestCouples.enrol(clinic, ZONE.getId());
    otherCouple = TestCouples.enrol(clinic, ZONE.getId());
  }

  private long rows(String table) {
    return database.sql("select count(*) from " + table).map(row -> row.get(0, Long.class)).one().block();
  }

  private static Map<String, Object> daily() {
    return Map.of("words", WORDS, "schedule", Map.of("kind", "DAILY", "time", "20:00"));
  }

  private WebTestClient.ResponseSpec make(String token, Object body) {
    return web.post().uri("/api/checkins/commitments").headers(h -> h.setBearerAuth(token)).bodyValue(body).exchange();
  }

  private WebTestClient.ResponseSpec put(String token, String path, Object body) {
    return web.put().uri(path).headers(h -> h.setBearerAuth(token)).bodyValue(body).exchange();
  }

  /** The JSON path of one commitment in a list of the page. */
  private static String mine(String list, String id) {
    return "$." + list + "[?(@.id == '" + id + "')]";
  }

  private List<EventEnvelope> events() {
    return TopicProbe.envelopes(Topics.CHECKIN_COMMITMENT, "coupleId", couple.coupleId(), Duration.ofSeconds(2));
  }

  @Test
  void aCommitmentIsMadeMarkedAnsweredAndWithdrawnByTheRulesAndEachStepIsAnnounced() {
    CheckinServers.awaitJoined(database, couple);
    String first = couple.first().token();
    String second = couple.second().token();
    LocalDate today = LocalDate.now(ZONE);

    String id = make(first, daily()).expectStatus().isCreated().expectBody()
        .jsonPath("$.byMe").isEqualTo(true).jsonPath("$.changeable").isEqualTo(true).jsonPath("$.words").isEqualTo(WORDS)
        .returnResult().getResponseBody() instanceof byte[] body ? new String(body).replaceAll(".*\"id\":\"([^\"]+)\".*", "$1") : null;
    String days = "/api/checkins/commitments/" + id + "/days/";

    // Both partners see the same commitment, from their own side.
    web.get().uri("/api/checkins/commitments").headers(h -> h.setBearerAuth(second)).exchange().expectStatus().isOk().expectBody()
        .jsonPath(mine("toMe", id) + ".byMe").isEqualTo(List.of(false)).jsonPath(mine("byMe", id)).isEmpty();

    // Only its author marks, changes or withdraws it; the other couple does not even find it.
    put(second, days + today + "/mark", Map.of("kept", true)).expectStatus().isEqualTo(422)
        .expectBody().jsonPath("$.title").isEqualTo("This commitment is your partner's");
    put(otherCouple.first().token(), days + today + "/mark", Map.of("kept", true)).expectStatus().isNotFound();
    put(couple.clinician().token(), days + today + "/mark", Map.of("kept", true)).expectStatus().isNotFound();
    web.delete().uri("/api/checkins/commitments/" + id).headers(h -> h.setBearerAuth(otherCouple.second().token())).exchange()
        .expectStatus().isNotFound();

    // The partner answers only a marked day.
    put(second, days + today + "/answer", Map.of("noticed", true)).expectStatus().isEqualTo(422)
        .expectBody().jsonPath("$.title").isEqualTo("Not marked yet");
    put(first, days + today.plusDays(1) + "/mark", Map.of("kept", true)).expectStatus().isEqualTo(422)
        .expectBody().jsonPath("$.title").isEqualTo("Not due yet");
    put(first, days + today.minusDays(1) + "/mark", Map.of("kept", true)).expectStatus().isEqualTo(422)
        .expectBody().jsonPath("$.title").isEqualTo("Not a day it was due");

    put(first, days + today + "/mark", Map.of("kept", false)).expectStatus().isOk().expectBody().jsonPath("$.kept").isEqualTo(false);
    put(first, days + today + "/mark", Map.of("kept", true)).expectStatus().isOk().expectBody().jsonPath("$.kept").isEqualTo(true);
    put(first, days + today + "/mark", Map.of("kept", true)).expectStatus().isOk(); // the same again changes nothing
    put(second, days + today + "/answer", Map.of("noticed", true)).expectStatus().isOk()
        .expectBody().jsonPath("$.noticed").isEqualTo(true).jsonPath("$.markable").isEqualTo(false);
    // Once answered, the mark stays; and once marked, the commitment itself is history.
    put(first, days + today + "/mark", Map.of("kept", false)).expectStatus().isEqualTo(422)
        .expectBody().jsonPath("$.title").isEqualTo("Your partner has answered this day");
    put(first, "/api/checkins/commitments/" + id, Map.of("words", "Something else", "schedule", Map.of("kind", "DAILY", "time", "21:00")))
        .expectStatus().isEqualTo(422).expectBody().jsonPath("$.title").isEqualTo("This commitment has been marked");

    web.get().uri("/api/checkins/commitments").headers(h -> h.setBearerAuth(first)).exchange().expectStatus().isOk().expectBody()
        .jsonPath(mine("byMe", id) + ".occurrences[0].kept").isEqualTo(List.of(true))
        .jsonPath(mine("byMe", id) + ".occurrences[0].noticed").isEqualTo(List.of(true))
        .jsonPath("$.followThrough.kept").isEqualTo(1)
        .jsonPath("$.followThrough.rate").isEqualTo(1.0);

    web.delete().uri("/api/checkins/commitments/" + id).headers(h -> h.setBearerAuth(first)).exchange().expectStatus().isNoContent();
    web.delete().uri("/api/checkins/commitments/" + id).headers(h -> h.setBearerAuth(first)).exchange().expectStatus().isNoContent();
    web.get().uri("/api/checkins/commitments").headers(h -> h.setBearerAuth(first)).exchange().expectBody()
        .jsonPath(mine("byMe", id) + ".withdrawn").isEqualTo(List.of(true))
        .jsonPath(mine("byMe", id) + ".occurrences[*].dueDate").isEqualTo(List.of(today.toString()));

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      var events = events().stream().filter(e -> e.aggregateId().equals(couple.coupleId())
          && e.payload().get("commitmentId").asString().equals(id)).toList();
      assertThat(events).extracting(EventEnvelope::eventType).containsExactly(
          "CommitmentMade", "CommitmentMarked", "CommitmentMarked", "CommitmentConfirmed", "CommitmentWithdrawn");
      // Ids, days and flags only: the words stay here.
      assertThat(events).allSatisfy(event -> assertThat(event.payload().toString()).doesNotContain("running late"));
    });
  }

  @Test
  void aChangeBeforeAnyMarkIsAllowedAndBadInputChangesNothing() {
    CheckinServers.awaitJoined(database, couple);
    String first = couple.first().token();
    String id = new String(make(first, Map.of("words", "ask about your day",
            "schedule", Map.of("kind", "WEEKLY", "time", "19:00", "dayOfWeek", "SUNDAY")))
        .expectStatus().isCreated().expectBody().returnResult().getResponseBody()).replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    put(first, "/api/checkins/commitments/" + id, Map.of("words", "ask about your day, and listen",
            "schedule", Map.of("kind", "WEEKDAYS", "time", "19:30")))
        .expectStatus().isOk().expectBody().jsonPath("$.schedule.kind").isEqualTo("WEEKDAYS").jsonPath("$.changeable").isEqualTo(true);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(events()).filteredOn(event ->
            event.payload().get("commitmentId").asString().equals(id))
        .extracting(EventEnvelope::eventType).containsExactly("CommitmentMade", "CommitmentChanged"));

    long before = rows("commitment");
    var tooLong = new HashMap<String, Object>(daily());
    tooLong.put("words", "x".repeat(201));
    make(first, tooLong).expectStatus().isBadRequest().expectBody().jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("at most 200 characters"));
    make(first, Map.of("words", " ", "schedule", Map.of("kind", "ONCE", "date", LocalDate.now(ZONE).minusDays(1).toString(), "time", "10:00")))
        .expectStatus().isBadRequest().expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
            .contains("please say what you commit to").contains("the day it is due has already passed"));
    make(first, Map.of("words", "Fine", "schedule", Map.of("kind", "FORTNIGHTLY", "time", "10:00"))).expectStatus().isBadRequest()
        .expectHeader().contentType("application/problem+json");
    make(first, Map.of("words", "Fine", "schedule", Map.of("kind", "DAILY", "time", "25:00"))).expectStatus().isBadRequest();
    make(couple.clinician().token(), daily()).expectStatus().isNotFound();
    assertThat(rows("commitment")).isEqualTo(before);
  }

  @Test
  void anOccurrenceIsAnnouncedOnceWhenItFallsDue() {
    CheckinServers.awaitJoined(database, couple);
    // Due a few seconds from now, on the partner's local clock.
    ZonedDateTime soon = ZonedDateTime.now(ZONE).plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
    String id = new String(make(couple.second().token(), Map.of("words", "text when I leave work",
            "schedule", Map.of("kind", "ONCE", "date", soon.toLocalDate().toString(), "time", soon.toLocalTime().toString())))
        .expectStatus().isCreated().expectBody().returnResult().getResponseBody()).replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

    var codec = new EventCodec();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      var due = events().stream().filter(e -> e.eventType().equals("CommitmentDue"))
          .map(e -> codec.payload(e, CommitmentDue.class)).filter(e -> e.commitmentId().toString().equals(id)).toList();
      assertThat(due).hasSize(1);
      assertThat(due.getFirst().partnerId()).isEqualTo(couple.first().id());
      assertThat(due.getFirst().dueDate()).isEqualTo(soon.toLocalDate());
    });
    assertThat(database.sql("select next_due_at from commitment where id = :id").bind("id", UUID.fromString(id))
        .map(row -> java.util.Optional.ofNullable(row.get(0, java.time.OffsetDateTime.class))).one().block()).isEmpty();
  }
}
