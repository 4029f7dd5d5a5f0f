package app.tend.checkins.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.tend.checkins.CheckinServers;
import app.tend.contracts.EventCodec;
import app.tend.contracts.EventEnvelope;
import app.tend.contracts.Topics;
import app.tend.contracts.checkin.CheckinsMissed;
import app.tend.contracts.checkin.TrendDropped;
import app.tend.testkit.TestCouples;
import app.tend.testkit.TestCouples.Couple;
import app.tend.testkit.TopicProbe;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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

/** TrendDropped and CheckinsMissed through the outbox, each told once, on real PostgreSQL, Kafka and Keycloak. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class AlertsIT {

  private static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

  static Couple couple;
  /** In a clinic of its own, which decides how far a trend must fall. */
  static Couple strictCouple;

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    CheckinServers.register(registry);
  }

  @Autowired WebTestClient web;
  @Autowired DatabaseClient database;
  @Autowired MissedCheckins missedCheckins;

  @BeforeAll
  static void enrol() {
    couple = TestCouples.enrol(UUID.randomUUID(), ZONE.getId());
    strictCouple = TestCouples.enrol(UUID.randomUUID(), ZONE.getId());
  }

  /** A past day as it would have been stored then. */
  private void pastDay(Couple couple, UUID partnerId, LocalDate day, int rating) {
    database.sql("""
            insert into checkin (id, clinic_id, couple_id, partner_id, local_date, follow_through, empathic_listening, honesty,
                                 mattering, connected, submitted_at, updated_at)
            values (:id, :clinic, :couple, :partner, :day, :r, 4, 4, 4, 4, :at, :at)
            """)
        .bind("id", UUID.randomUUID()).bind("clinic", couple.clinicId()).bind("couple", couple.coupleId()).bind("partner", partnerId)
        .bind("day", day).bind("r", (short) rating).bind("at", OffsetDateTime.now())
        .then().block();
  }

  /** Follow-through at 4 for the 21 days before the last week, then at 1 for its six days before today. */
  private void threeSteadyWeeksThenAHardOne(Couple couple, UUID partnerId, LocalDate today) {
    for (int back = 27; back >= 7; back--) {
      pastDay(couple, partnerId, today.minusDays(back), 4);
    }
    for (int back = 6; back >= 1; back--) {
      pastDay(couple, partnerId, today.minusDays(back), 1);
    }
  }

  private List<EventEnvelope> events(String type, UUID partnerId) {
    return TopicProbe.envelopes(Topics.CHECKIN_CHECKIN, "partnerId", partnerId, Duration.ofSeconds(2)).stream()
        .filter(event -> event.eventType().equals(type)).toList();
  }

  @Test
  void aClearFallInAnActIsToldOnceAndAGapInCheckinsIsToldOnce() {
    CheckinServers.awaitJoined(database, couple);
    LocalDate today = LocalDate.now(ZONE);
    UUID first = couple.first().id();
    threeSteadyWeeksThenAHardOne(couple, first, today);
    // Honesty had fallen before and has recovered since: the check-in forgets that, so a new fall is told again.
    database.sql("insert into trend_drop (partner_id, act, since) values (:partner, 'HONESTY', :since)")
        .bind("partner", first).bind("since", today.minusDays(20)).then().block();
    var low = Map.of("followThrough", 0, "empathicListening", 4, "honesty", 4, "mattering", 4, "connected", 4);
    web.put().uri("/api/checkins/today").headers(h -> h.setBearerAuth(couple.first().token())).bodyValue(low).exchange()
        .expectStatus().isCreated();
    web.put().uri("/api/checkins/today").headers(h -> h.setBearerAuth(couple.first().token()))
        .bodyValue(Map.of("followThrough", 0, "empathicListening", 4, "honesty", 4, "mattering", 4, "connected", 3)).exchange()
        .expectStatus().isOk();

    var codec = new EventCodec();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      var dropped = events("TrendDropped", first);
      assertThat(dropped).hasSize(1);
      var event = codec.payload(dropped.getFirst(), TrendDropped.class);
      assertThat(event.act()).isEqualTo("FOLLOW_THROUGH");
      assertThat(event.average7()).isLessThan(1.0);
      assertThat(event.average28()).isGreaterThan(2.5);
    });
    assertThat(toldActs(first)).containsExactly("FOLLOW_THROUGH");

    // The other partner last checked in six days ago: four whole days is the default threshold.
    UUID second = couple.second().id();
    pastDay(couple, second, today.minusDays(6), 3);
    // Two passes (and any scheduled one in between) tell it once.
    missedCheckins.tellGapsOnce().block();
    missedCheckins.tellGapsOnce().block();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      var missed = events("CheckinsMissed", second);
      assertThat(missed).hasSize(1);
      var event = codec.payload(missed.getFirst(), CheckinsMissed.class);
      assertThat(event.days()).isEqualTo(5);
      assertThat(event.lastCheckinOn()).isEqualTo(today.minusDays(6));
    });
    assertThat(events("CheckinsMissed", first)).isEmpty();
  }

  @Test
  void theClinicsOwnThresholdDecidesWhatIsAFall() {
    CheckinServers.awaitJoined(database, strictCouple);
    LocalDate today = LocalDate.now(ZONE);
    UUID partner = strictCouple.first().id();
    // With today's 0, month (21 × 4 + 6 × 1 + 0) / 28 = 3.21 and week 6 / 7 = 0.86: a fall of 2.36.
    threeSteadyWeeksThenAHardOne(strictCouple, partner, today);
    database.sql("""
            insert into clinic_settings (clinic_id, measure_every_days, alert_trend_drop, alert_days_without_checkin)
            values (:clinic, 7, 3.00, 4)
            """)
        .bind("clinic", strictCouple.clinicId()).then().block();
    web.put().uri("/api/checkins/today").headers(h -> h.setBearerAuth(strictCouple.first().token()))
        .bodyValue(Map.of("followThrough", 0, "empathicListening", 4, "honesty", 4, "mattering", 4, "connected", 4)).exchange()
        .expectStatus().isCreated();
    // trend_drop is written in the same transaction as the event: what it holds after the answer is what was told.
    assertThat(toldActs(partner)).isEmpty();

    database.sql("update clinic_settings set alert_trend_drop = 2.00 where clinic_id = :clinic")
        .bind("clinic", strictCouple.clinicId()).then().block();
    web.put().uri("/api/checkins/today").headers(h -> h.setBearerAuth(strictCouple.first().token()))
        .bodyValue(Map.of("followThrough", 0, "empathicListening", 4, "honesty", 4, "mattering", 4, "connected", 3)).exchange()
        .expectStatus().isOk();
    assertThat(toldActs(partner)).containsExactly("FOLLOW_THROUGH");
  }

  private List<String> toldActs(UUID partner) {
    return database.sql("select act from trend_drop where partner_id = :partner").bind("partner", partner)
        .map(row -> row.get("act", String.class)).all().collectList().block();
  }
}
