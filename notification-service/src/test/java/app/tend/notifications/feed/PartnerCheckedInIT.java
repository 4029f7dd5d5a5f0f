package app.tend.notifications.feed;

import app.tend.notifications.NotificationServers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.tend.contracts.Topics;
import app.tend.contracts.accounts.CoupleEnrolled;
import app.tend.contracts.accounts.PartnerJoined;
import app.tend.contracts.accounts.PreferencesChanged;
import app.tend.contracts.checkin.CheckinRevised;
import app.tend.contracts.checkin.CheckinSubmitted;
import app.tend.contracts.checkin.TrustRatings;
import app.tend.contracts.notification.NotificationType;
import app.tend.testkit.TestCouples;
import app.tend.testkit.TestCouples.Couple;
import app.tend.testkit.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** From a CheckinSubmitted event to the other partner's feed, on real PostgreSQL, Kafka and Keycloak. */
// E-mail is EmailDeliveryIT's; here it would only compete for the same deliveries.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tend.email.enabled=false")
@AutoConfigureWebTestClient(timeout = "30s")
class PartnerCheckedInIT {

  /** Each test has a couple of its own, so no test sees another's notifications. */
  Couple couple;

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    NotificationServers.register(registry);
  }

  @Autowired WebTestClient web;
  @Autowired DatabaseClient database;

  @BeforeEach
  void enrol() {
    couple = TestCouples.enrol(UUID.randomUUID(), "Europe/London");
  }

  private CheckinSubmitted checkinBy(UUID partnerId) {
    return new CheckinSubmitted(UUID.randomUUID(), couple.coupleId(), partnerId, LocalDate.now(), new TrustRatings(3, 3, 3, 3, 3), false);
  }

  private long notificationsFor(UUID recipient) {
    return database.sql("select count(*) from notification where recipient_id = :r").bind("r", recipient)
        .map(row -> row.get(0, Long.class)).one().block();
  }

  @Test
  void theSameEventConsumedTwiceCreatesOneNotificationForTheOtherPartnerOnly() {
    var envelope = TopicProbe.publish(checkinBy(couple.first().id()), couple.clinicId(), couple.coupleId());
    TopicProbe.republish(Topics.CHECKIN_CHECKIN, envelope);

    await().atMost(Duration.ofSeconds(60)).until(() -> notificationsFor(couple.second().id()) >= 1);
    // Both copies have been consumed once the consumer group has committed past them.
    await().atMost(Duration.ofSeconds(30)).until(() ->
        database.sql("select count(*) from processed_event where event_id = :e").bind("e", envelope.eventId())
            .map(row -> row.get(0, Long.class)).one().block() == 1);
    // A later record on the same partition, which the listener reads and ignores: one to wait behind.
    TopicProbe.publish(new CheckinRevised(UUID.randomUUID(), couple.coupleId(), couple.first().id(), LocalDate.now(),
        new TrustRatings(3, 3, 3, 3, 3), false), couple.clinicId(), couple.coupleId());
    await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);

    assertThat(notificationsFor(couple.second().id())).isEqualTo(1);
    assertThat(notificationsFor(couple.first().id())).isZero();
    web.get().uri("/api/notifications").headers(h -> h.setBearerAuth(couple.second().token())).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$.unread").isEqualTo(1)
        .jsonPath("$.notifications[0].title").isEqualTo("Your partner checked in today");
    web.get().uri("/api/notifications").headers(h -> h.setBearerAuth(couple.first().token())).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.unread").isEqualTo(0);
  }

  private void awaitHandled(UUID eventId) {
    await().atMost(Duration.ofSeconds(60)).until(() ->
        database.sql("select count(*) from processed_event where event_id = :e").bind("e", eventId)
            .map(row -> row.get(0, Long.class)).one().block() == 1);
  }

  @Test
  void nobodyIsToldWhileTheOtherPartnerHasNotJoinedOrHasTurnedItOff() {
    // Only one partner of this couple has joined so far: their check-in is handled, not dead-lettered.
    UUID clinicId = UUID.randomUUID();
    UUID coupleId = UUID.randomUUID();
    UUID alone = UUID.randomUUID();
    TopicProbe.publish(new CoupleEnrolled(coupleId, clinicId, UUID.randomUUID()), clinicId, coupleId);
    TopicProbe.publish(new PartnerJoined(coupleId, clinicId, alone, "Europe/London", LocalTime.of(20, 0), LocalTime.of(22, 0),
        LocalTime.of(7, 0), false), clinicId, coupleId);
    var early = TopicProbe.publish(new CheckinSubmitted(UUID.randomUUID(), coupleId, alone, LocalDate.now(), new TrustRatings(3, 3, 3, 3, 3), false),
        clinicId, coupleId);
    awaitHandled(early.eventId());
    assertThat(database.sql("select count(*) from notification where clinic_id = :c").bind("c", clinicId)
        .map(row -> row.get(0, Long.class)).one().block()).isZero();

    // The second partner turns "your partner checked in" off: the next check-in tells nobody.
    // (The choice travels on another topic than the check-in, so it is waited for: Kafka would not
    // keep the two in order.)
    var choice = TopicProbe.publish(new PreferencesChanged(couple.coupleId(), couple.clinicId(), couple.second().id(), "Europe/London",
        LocalTime.of(20, 0), LocalTime.of(22, 0), LocalTime.of(7, 0), Set.of(NotificationType.PARTNER_CHECKED_IN)),
        couple.clinicId(), couple.coupleId());
    awaitHandled(choice.eventId());
    var muted = TopicProbe.publish(checkinBy(couple.first().id()), couple.clinicId(), couple.coupleId());
    awaitHandled(muted.eventId());
    assertThat(notificationsFor(couple.second().id())).isZero();
    assertThat(TopicProbe.records(Topics.deadLetter(Topics.CHECKIN_CHECKIN), Duration.ofSeconds(2)))
        .noneSatisfy(record -> assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains(early.eventId().toString()));
  }

  @Test
  void aMalformedRecordGoesToTheDeadLetterTopicAndTheConsumerGoesOn() {
    String marker = "not-an-envelope-" + UUID.randomUUID();
    TopicProbe.publishRaw(Topics.CHECKIN_CHECKIN, couple.coupleId().toString(), ("{" + marker).getBytes(StandardCharsets.UTF_8));
    long before = notificationsFor(couple.first().id());
    TopicProbe.publish(checkinBy(couple.second().id()), couple.clinicId(), couple.coupleId());

    await().atMost(Duration.ofSeconds(60)).until(() -> notificationsFor(couple.first().id()) == before + 1);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(TopicProbe.records(Topics.deadLetter(Topics.CHECKIN_CHECKIN), Duration.ofSeconds(2)))
            .anySatisfy(record -> assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains(marker)));
  }

  @Test
  void anOpenFeedHearsOfTheNotificationWithoutAskingAgain() {
    var received = new CopyOnWriteArrayList<ServerSentEvent<NotificationView>>();
    var subscription =
        web.mutate().responseTimeout(Duration.ofSeconds(60)).build()
            .get().uri("/api/notifications/stream").accept(MediaType.TEXT_EVENT_STREAM)
            .headers(h -> h.setBearerAuth(couple.first().token()))
            .exchange().expectStatus().isOk()
            .returnResult(new ParameterizedTypeReference<ServerSentEvent<NotificationView>>() {})
            .getResponseBody()
            .filter(event -> "notification".equals(event.event()))
            .subscribe(received::add);
    try {
      await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);
      TopicProbe.publish(checkinBy(couple.second().id()), couple.clinicId(), couple.coupleId());
      await().atMost(Duration.ofSeconds(60)).until(() -> !received.isEmpty());
      assertThat(received.getFirst().data().title()).isEqualTo("Your partner checked in today");
    } finally {
      subscription.dispose();
    }
  }

  /**
   * Kafka orders records within a topic only: a check-in may overtake its couple's enrolment. It is
   * waited for (the first runs of this suite dead-lettered it after three seconds of retries), and
   * while it waits, only the couples on its own partition wait with it: another couple's news goes
   * through at once. (With one consumer for all three partitions, it waited behind this record too.)
   */
  @Test
  void aCheckinThatOvertakesItsCouplesEnrolmentWaitsForItWithoutHoldingOtherCouplesAndIsNotDeadLettered() {
    UUID clinicId = UUID.randomUUID();
    UUID coupleId = onAnotherPartitionThan(couple.coupleId());
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();
    await().atMost(Duration.ofSeconds(60)).until(() ->
        database.sql("select count(*) from couple_member where couple_id = :c").bind("c", couple.coupleId())
            .map(row -> row.get(0, Long.class)).one().block() == 2);
    var early = TopicProbe.publish(new CheckinSubmitted(UUID.randomUUID(), coupleId, first, LocalDate.now(),
        new TrustRatings(3, 3, 3, 3, 3), false), clinicId, coupleId);
    await().pollDelay(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(9)).until(() -> true);

    // Its fifth try has failed by now, and its consumer waits 8 s before the sixth.
    var meanwhile = TopicProbe.publish(checkinBy(couple.first().id()), couple.clinicId(), couple.coupleId());
    await().atMost(Duration.ofSeconds(3)).until(() -> notificationsFor(couple.second().id()) == 1);
    assertThat(database.sql("select count(*) from processed_event where event_id in (:early, :meanwhile)")
        .bind("early", early.eventId()).bind("meanwhile", meanwhile.eventId())
        .map(row -> row.get(0, Long.class)).one().block()).as("only the other couple's check-in is handled yet").isEqualTo(1);

    TopicProbe.publish(new CoupleEnrolled(coupleId, clinicId, UUID.randomUUID()), clinicId, coupleId);
    for (UUID partner : List.of(first, second)) {
      TopicProbe.publish(new PartnerJoined(coupleId, clinicId, partner, "Europe/London", LocalTime.of(20, 0), LocalTime.of(22, 0),
          LocalTime.of(7, 0), false), clinicId, coupleId);
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> notificationsFor(second) == 1);
    assertThat(notificationsFor(first)).isZero();
    assertThat(TopicProbe.records(Topics.deadLetter(Topics.CHECKIN_CHECKIN), Duration.ofSeconds(2)))
        .noneSatisfy(record -> assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains(early.eventId().toString()));
  }

  /** A couple id whose records land on another partition of the check-in topic than {@code coupleId}'s. */
  private static UUID onAnotherPartitionThan(UUID coupleId) {
    UUID other;
    do {
      other = UUID.randomUUID();
    } while (partitionOf(other) == partitionOf(coupleId));
    return other;
  }

  /** Where Kafka's default partitioner puts a record keyed by {@code key}, on the topics' three partitions. */
  private static int partitionOf(UUID key) {
    return Utils.toPositive(Utils.murmur2(key.toString().getBytes(StandardCharsets.UTF_8))) % 3;
  }

  @Test
  void nobodyCanMarkAnotherPersonsNotificationRead() {
    TopicProbe.publish(checkinBy(couple.first().id()), couple.clinicId(), couple.coupleId());
    await().atMost(Duration.ofSeconds(60)).until(() -> notificationsFor(couple.second().id()) >= 1);
    UUID id = database.sql("select id from notification where recipient_id = :r limit 1").bind("r", couple.second().id())
        .map(row -> row.get(0, UUID.class)).one().block();

    web.post().uri("/api/notifications/" + id + "/read").headers(h -> h.setBearerAuth(couple.first().token())).exchange()
        .expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    web.post().uri("/api/notifications/" + id + "/read").headers(h -> h.setBearerAuth(couple.second().token())).exchange()
        .expectStatus().isNoContent();
    web.get().uri("/api/notifications").exchange().expectStatus().isUnauthorized();
  }
}
