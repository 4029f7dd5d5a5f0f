package app.tend.notifications.feed;

import app.tend.notifications.NotificationServers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.tend.contracts.Topics;
import app.tend.contracts.accounts.PreferencesChanged;
import app.tend.contracts.checkin.CheckinRevised;
import app.tend.contracts.checkin.CheckinSubmitted;
import app.tend.contracts.checkin.TrustRatings;
import app.tend.contracts.commitment.CommitmentDue;
import app.tend.contracts.notification.NotificationType;
import app.tend.contracts.repair.RepairOpened;
import app.tend.contracts.repair.RepairStepTaken;
import app.tend.testkit.TestCouples;
import app.tend.testkit.TestCouples.Couple;
import app.tend.testkit.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Nudges about the couple's shared practice, each to the right partner, once, and never when turned off. */
// E-mail is EmailDeliveryIT's; here it would only compete for the same deliveries.
@SpringBootTest(properties = "tend.email.enabled=false")
class PracticeNudgesIT {

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    NotificationServers.register(registry);
  }

  @Autowired DatabaseClient database;

  private List<String> kindsFor(UUID recipient) {
    return database.sql("select kind from notification where recipient_id = :r order by created_at").bind("r", recipient)
        .map(row -> row.get(0, String.class)).all().collectList().block();
  }

  /** Both partners' joins travel on another topic; a nudge for a partner not yet known here goes nowhere. */
  private void awaitJoined(Couple couple) {
    await().atMost(Duration.ofSeconds(60)).until(() ->
        database.sql("select count(*) from couple_member where couple_id = :c").bind("c", couple.coupleId())
            .map(row -> row.get(0, Long.class)).one().block() == 2);
  }

  private void awaitHandled(UUID eventId) {
    await().atMost(Duration.ofSeconds(60)).until(() ->
        database.sql("select count(*) from processed_event where event_id = :e").bind("e", eventId)
            .map(row -> row.get(0, Long.class)).one().block() == 1);
  }

  @Test
  void eachNudgeReachesTheOtherPartnerOnceUnlessTheyTurnedItOff() {
    Couple couple = TestCouples.enrol(UUID.randomUUID(), "Europe/Madrid");
    awaitJoined(couple);
    UUID first = couple.first().id();
    UUID second = couple.second().id();
    UUID repairId = UUID.randomUUID();

    var due = TopicProbe.publish(new CommitmentDue(UUID.randomUUID(), couple.coupleId(), first, second, LocalDate.now(), Instant.now()),
        couple.clinicId(), couple.coupleId());
    TopicProbe.republish(Topics.CHECKIN_COMMITMENT, due);
    var opened = TopicProbe.publish(new RepairOpened(repairId, couple.coupleId(), first, first, second, "BROKEN_PROMISE", 3),
        couple.clinicId(), couple.coupleId());
    var step = TopicProbe.publish(new RepairStepTaken(repairId, couple.coupleId(), second, "ACKNOWLEDGED", "ACTIONS"),
        couple.clinicId(), couple.coupleId());
    awaitHandled(step.eventId());
    awaitHandled(due.eventId());
    awaitHandled(opened.eventId());

    assertThat(kindsFor(second)).containsExactlyInAnyOrder("COMMITMENT_DUE", "REPAIR_OPENED");
    assertThat(kindsFor(first)).containsExactly("REPAIR_STEP");

    // The first partner turns repair nudges off: the next step reaches nobody.
    var muted = TopicProbe.publish(new PreferencesChanged(couple.coupleId(), couple.clinicId(), first, "Europe/Madrid", LocalTime.of(20, 0),
        LocalTime.of(22, 0), LocalTime.of(7, 0), Set.of(NotificationType.REPAIR_ACTIVITY)), couple.clinicId(), couple.coupleId());
    awaitHandled(muted.eventId());
    var quiet = TopicProbe.publish(new RepairStepTaken(repairId, couple.coupleId(), second, "ACTIONS_PROPOSED", "AGREEMENT"),
        couple.clinicId(), couple.coupleId());
    awaitHandled(quiet.eventId());
    assertThat(kindsFor(first)).containsExactly("REPAIR_STEP");
  }

  @Test
  void anAppreciationIsToldAsSuchAndAChangeOfRatingsIsNotNews() {
    Couple couple = TestCouples.enrol(UUID.randomUUID(), "Europe/Madrid");
    awaitJoined(couple);
    UUID first = couple.first().id();
    UUID second = couple.second().id();
    var ratings = new TrustRatings(3, 3, 3, 3, 3);
    var withWords = TopicProbe.publish(new CheckinSubmitted(UUID.randomUUID(), couple.coupleId(), first, LocalDate.now(), ratings, true),
        couple.clinicId(), couple.coupleId());
    var plain = TopicProbe.publish(new CheckinSubmitted(UUID.randomUUID(), couple.coupleId(), second, LocalDate.now(), ratings, false),
        couple.clinicId(), couple.coupleId());
    var changed = TopicProbe.publish(new CheckinRevised(UUID.randomUUID(), couple.coupleId(), second, LocalDate.now(),
        new TrustRatings(4, 4, 4, 4, 4), false), couple.clinicId(), couple.coupleId());
    var added = TopicProbe.publish(new CheckinRevised(UUID.randomUUID(), couple.coupleId(), second, LocalDate.now(), ratings, true),
        couple.clinicId(), couple.coupleId());
    awaitHandled(withWords.eventId());
    awaitHandled(plain.eventId());
    awaitHandled(added.eventId());

    assertThat(kindsFor(second)).containsExactly("APPRECIATION");
    assertThat(kindsFor(first)).containsExactlyInAnyOrder("PARTNER_CHECKED_IN", "APPRECIATION");
    assertThat(database.sql("select count(*) from processed_event where event_id = :e").bind("e", changed.eventId())
        .map(row -> row.get(0, Long.class)).one().block()).isZero();
  }
}
