package app.tend.notifications.feed;

import app.tend.notifications.NotificationServers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.tend.contracts.Topics;
import app.tend.contracts.checkin.SafetyConcernRaised;
import app.tend.testkit.TestCouples;
import app.tend.testkit.TestCouples.Couple;
import app.tend.testkit.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** From SafetyConcernRaised to the clinician's feed, at once, and to nobody else. */
// E-mail is EmailDeliveryIT's; here it would only compete for the same deliveries.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tend.email.enabled=false")
@AutoConfigureWebTestClient(timeout = "30s")
class SafetyAlertIT {

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    NotificationServers.register(registry);
  }

  @Autowired WebTestClient web;
  @Autowired DatabaseClient database;

  private long notificationsFor(UUID recipient) {
    return database.sql("select count(*) from notification where recipient_id = :r").bind("r", recipient)
        .map(row -> row.get(0, Long.class)).one().block();
  }

  @Test
  void theClinicianIsAlertedOnceAndNeitherPartnerHearsOfIt() {
    Couple couple = TestCouples.enrol(UUID.randomUUID(), "Europe/London");
    var envelope = TopicProbe.publish(new SafetyConcernRaised(UUID.randomUUID(), couple.coupleId(), couple.first().id(), Instant.now()),
        couple.clinicId(), couple.coupleId());
    TopicProbe.republish(Topics.CHECKIN_SAFETY, envelope);

    await().atMost(Duration.ofSeconds(60)).until(() -> notificationsFor(couple.clinician().id()) >= 1);
    await().atMost(Duration.ofSeconds(30)).until(() ->
        database.sql("select count(*) from processed_event where event_id = :e").bind("e", envelope.eventId())
            .map(row -> row.get(0, Long.class)).one().block() == 1);
    // A second concern of the same couple, behind the replayed copy on the same partition: once it
    // has its alert, the copy has been consumed too, and it made none.
    TopicProbe.publish(new SafetyConcernRaised(UUID.randomUUID(), couple.coupleId(), couple.second().id(), Instant.now()),
        couple.clinicId(), couple.coupleId());
    await().atMost(Duration.ofSeconds(60)).until(() -> notificationsFor(couple.clinician().id()) >= 2);
    await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);

    assertThat(notificationsFor(couple.clinician().id())).isEqualTo(2);
    assertThat(notificationsFor(couple.first().id())).isZero();
    assertThat(notificationsFor(couple.second().id())).isZero();
    web.get().uri("/api/notifications").headers(h -> h.setBearerAuth(couple.clinician().token())).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$.unread").isEqualTo(2)
        .jsonPath("$.notifications[0].title").isEqualTo("A couple needs your attention")
        // Neither who nor what: it may be read over someone's shoulder.
        .jsonPath("$.notifications[0].body").value(body -> assertThat((String) body).doesNotContainIgnoringCase("safe"));
  }
}
