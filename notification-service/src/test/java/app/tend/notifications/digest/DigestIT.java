package app.tend.notifications.digest;

import app.tend.notifications.NotificationServers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.tend.contracts.Topics;
import app.tend.contracts.accounts.ClinicCreated;
import app.tend.contracts.checkin.CheckinsMissed;
import app.tend.contracts.checkin.TrendDropped;
import app.tend.contracts.measure.MeasureCompleted;
import app.tend.contracts.repair.RepairBroughtToSession;
import app.tend.testkit.TestCouples;
import app.tend.testkit.TestCouples.Couple;
import app.tend.testkit.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The clinician's morning digest on real PostgreSQL and Kafka: each event kind that belongs in it
 * is kept once for the couple's clinician, due at 08:00 where their clinic is, sent as one
 * notification in counts only, and a quiet morning sends nothing.
 */
@SpringBootTest(properties = {"tend.digests.poll-interval=200ms", "tend.email.enabled=false"})
class DigestIT {

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    NotificationServers.register(registry);
  }

  @Autowired DatabaseClient database;

  /**
   * The clinician's digest is due again at the clinic's next 08:00. (It was "more than 12 hours
   * ahead", which is false in the evening where the clinic is, and failed the test then.)
   */
  private static final String NEXT_MORNING = "select count(*) from digest_schedule where clinician_id = :id and due_at > now() "
      + "and (due_at at time zone 'America/Chicago')::time = '08:00'";

  private long count(String sql, UUID id) {
    return database.sql(sql).bind("id", id).map(row -> row.get(0, Long.class)).one().block();
  }

  private List<String> bodiesFor(UUID recipient) {
    return database.sql("select body from notification where recipient_id = :r and kind = 'DAILY_DIGEST' order by created_at")
        .bind("r", recipient).map(row -> row.get(0, String.class)).all().collectList().block();
  }

  @Test
  void whatHappenedReachesTheCliniciansMorningDigestOnceInCountsOnly() {
    Couple couple = TestCouples.enrol(UUID.randomUUID(), "Europe/Berlin");
    UUID clinician = couple.clinician().id();
    UUID first = couple.first().id();
    // The clinic is in Chicago, its couple in Berlin: the clinician's morning is the clinic's.
    TopicProbe.publish(new ClinicCreated(couple.clinicId(), "America/Chicago"), couple.clinicId(), couple.clinicId());
    await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from couple_member where couple_id = :id", couple.coupleId()) == 2
        && count("select count(*) from clinic where id = :id", couple.clinicId()) == 1);

    var brought = TopicProbe.publish(new RepairBroughtToSession(UUID.randomUUID(), couple.coupleId(), first), couple.clinicId(), couple.coupleId());
    TopicProbe.republish(Topics.CHECKIN_REPAIR, brought);
    TopicProbe.publish(new TrendDropped(couple.coupleId(), first, "HONESTY", 1.5, 3.0, LocalDate.now()), couple.clinicId(), couple.coupleId());
    TopicProbe.publish(new CheckinsMissed(couple.coupleId(), couple.second().id(), 4, LocalDate.now().minusDays(4)), couple.clinicId(),
        couple.coupleId());
    TopicProbe.publish(new MeasureCompleted(UUID.randomUUID(), couple.coupleId(), first, "csi-4", "1", LocalDate.now(), 11, true),
        couple.clinicId(), couple.coupleId());
    TopicProbe.publish(new MeasureCompleted(UUID.randomUUID(), couple.coupleId(), couple.second().id(), "csi-4", "1", LocalDate.now(), 18, false),
        couple.clinicId(), couple.coupleId());

    await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from digest_item where clinician_id = :id", clinician) == 4);
    // Nothing goes out until the morning: 08:00 where the clinic is.
    Instant due = database.sql("select due_at from digest_schedule where clinician_id = :c").bind("c", clinician)
        .map(row -> row.get(0, Instant.class)).one().block();
    assertThat(due.atZone(ZoneId.of("America/Chicago")).toLocalTime()).isEqualTo(LocalTime.of(8, 0));
    assertThat(due).isBetween(Instant.now(), Instant.now().plus(Duration.ofHours(25)));
    assertThat(bodiesFor(clinician)).isEmpty();

    database.sql("update digest_schedule set due_at = now() where clinician_id = :c").bind("c", clinician).then().block();
    await().atMost(Duration.ofSeconds(30)).until(() -> bodiesFor(clinician).size() == 1);
    assertThat(bodiesFor(clinician).getFirst()).isEqualTo("1 couple may need a look today. Since your last digest: "
        + "1 repair brought to session, 1 CSI-4 score below its cut-off, 1 sharper drop in a trend, 1 run of days without check-ins. "
        + "Your caseload shows which.");
    assertThat(count("select count(*) from notification where recipient_id in (select partner_id from couple_member where couple_id = :id)",
        couple.coupleId())).as("partners hear nothing of it").isZero();
    await().atMost(Duration.ofSeconds(10)).until(() -> count(NEXT_MORNING + " and claimed_by is null", clinician) == 1);

    // A quiet morning sends nothing.
    database.sql("update digest_schedule set due_at = now() where clinician_id = :c").bind("c", clinician).then().block();
    await().atMost(Duration.ofSeconds(10)).until(() -> count(NEXT_MORNING, clinician) == 1);
    assertThat(bodiesFor(clinician)).hasSize(1);
    assertThat(count("select count(*) from digest_item where clinician_id = :id and digest_id is null", clinician)).isZero();
  }
}
