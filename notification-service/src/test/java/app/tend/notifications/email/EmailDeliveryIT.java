package app.tend.notifications.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.tend.contracts.Topics;
import app.tend.contracts.checkin.CheckinSubmitted;
import app.tend.contracts.checkin.SafetyConcernRaised;
import app.tend.contracts.checkin.TrustRatings;
import app.tend.contracts.commitment.CommitmentDue;
import app.tend.infra.servers.EmbeddedMailServer;
import app.tend.infra.servers.EmbeddedMailServer.ReceivedMail;
import app.tend.infra.servers.Ports;
import app.tend.notifications.feed.Feed;
import app.tend.notifications.feed.NotificationKind;
import app.tend.testkit.TendTestProperties;
import app.tend.testkit.TestCouples;
import app.tend.testkit.TestInfrastructure;
import app.tend.testkit.TestCouples.Couple;
import app.tend.testkit.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
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

/**
 * Notification e-mail on real PostgreSQL, Kafka, Keycloak and a real SMTP server (GreenMail) that
 * this class stops and starts again: who gets which e-mail, what it says, choices honoured when it
 * is sent, unsubscribe links, and an SMTP outage ending in retries and then delivery, or after the
 * last try in a failure that is counted.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"tend.email.poll-interval=200ms", "tend.email.first-pause=500ms", "tend.email.max-attempts=4",
        "tend.email.web-url=https://tend.example", "tend.reminders.poll-interval=200ms"})
@AutoConfigureWebTestClient(timeout = "30s")
class EmailDeliveryIT {

  /** The SMTP port this class's server listens on, also while it is down. */
  static final int SMTP_PORT = Ports.free();
  static EmbeddedMailServer smtp;

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    TendTestProperties.postgres(registry, "notifications");
    TendTestProperties.kafka(registry);
    TendTestProperties.keycloak(registry);
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  @BeforeAll
  static void startSmtp() {
    smtp = EmbeddedMailServer.start(SMTP_PORT);
  }

  @AfterAll
  static void stopSmtp() {
    smtp.close();
  }

  @Autowired DatabaseClient database;
  @Autowired WebTestClient web;
  @Autowired Feed feed;
  @Autowired Mailer mailer;
  @Autowired MeterRegistry meters;

  @BeforeAll
  static void setAsideWhatOtherClassesLeft(@Autowired DatabaseClient database) {
    // Other test classes run with e-mail off; what they queued is not this class's to send.
    database.sql("update delivery set state = 'SKIPPED' where state = 'PENDING'").then().block();
  }

  private record Delivery(UUID id, String state, int attempts) {}

  private List<Delivery> emailsTo(UUID recipient) {
    return database.sql("select id, state, attempts from delivery where recipient_id = :r and channel = 'EMAIL' order by created_at")
        .bind("r", recipient)
        .map(row -> new Delivery(row.get("id", UUID.class), row.get("state", String.class), row.get("attempts", Integer.class)))
        .all().collectList().block();
  }

  private List<String> attemptsOf(UUID deliveryId) {
    return database.sql("select result from delivery_attempt where delivery_id = :d order by attempted_at")
        .bind("d", deliveryId).map(row -> row.get(0, String.class)).all().collectList().block();
  }

  private void remindNow(UUID partnerId) {
    await().atMost(Duration.ofSeconds(60)).until(() ->
        database.sql("select count(*) from reminder where partner_id = :p and due_at is not null").bind("p", partnerId)
            .map(row -> row.get(0, Long.class)).one().block() == 1);
    // Their day without quiet hours, so the test does not depend on the hour it runs at.
    database.sql("update couple_member set time_zone = 'UTC', reminder_time = date_trunc('second', now() at time zone 'UTC')::time, "
            + "quiet_hours_start = null, quiet_hours_end = null where partner_id = :p").bind("p", partnerId).then().block();
    database.sql("update reminder set due_at = date_trunc('second', now()) where partner_id = :p").bind("p", partnerId).then().block();
  }

  @Test
  void aSafetyConcernEmailsTheClinicianAtOnceSayingNeitherWhoNorWhat() {
    Couple couple = TestCouples.enrol(UUID.randomUUID(), "Europe/London");
    var raised = TopicProbe.publish(new SafetyConcernRaised(UUID.randomUUID(), couple.coupleId(), couple.first().id(), Instant.now()),
        couple.clinicId(), couple.coupleId());
    TopicProbe.republish(Topics.CHECKIN_SAFETY, raised);

    ReceivedMail alert = smtp.awaitMessage(couple.clinician().email(), 1, Duration.ofSeconds(60));
    assertThat(alert.subject()).isEqualTo("A couple needs your attention");
    assertThat(alert.text()).contains("https://tend.example/caseload")
        .doesNotContain(couple.coupleId().toString()).doesNotContain(couple.first().id().toString())
        .doesNotContain("Ari").doesNotContain("Bo ").doesNotContainIgnoringCase("safe")
        .contains("cannot be turned off");
    assertThat(alert.html()).contains("https://tend.example/caseload");
    assertThat(alert.listUnsubscribe()).as("safety alerts cannot be unsubscribed from").isEmpty();

    // The replayed event made one notification, so one e-mail; the partners got none.
    await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
    assertThat(smtp.receivedBy(couple.clinician().email())).hasSize(1);
    assertThat(smtp.receivedBy(couple.first().email())).isEmpty();
    assertThat(smtp.receivedBy(couple.second().email())).isEmpty();
    var delivery = emailsTo(couple.clinician().id()).getFirst();
    assertThat(delivery.state()).isEqualTo("SENT");
    assertThat(attemptsOf(delivery.id())).containsExactly("SENT");
  }

  /** Two couples go through the same days, except that in one a partner raises a safety concern. */
  @Test
  void theOtherPartnersFeedEmailsAndUnreadCountAreByteForByteWhatTheyWouldBeWithoutTheSafetyConcern() {
    Couple concerned = TestCouples.enrol(UUID.randomUUID(), "Europe/London");
    Couple calm = TestCouples.enrol(UUID.randomUUID(), "Europe/London");
    for (Couple couple : List.of(concerned, calm)) {
      await().atMost(Duration.ofSeconds(60)).until(() -> database.sql("select count(*) from couple_member where couple_id = :c")
          .bind("c", couple.coupleId()).map(row -> row.get(0, Long.class)).one().block() == 2);
      TopicProbe.publish(new CheckinSubmitted(UUID.randomUUID(), couple.coupleId(), couple.first().id(), LocalDate.now(),
          new TrustRatings(1, 1, 1, 1, 0), true), couple.clinicId(), couple.coupleId());
      if (couple == concerned) {
        TopicProbe.publish(new SafetyConcernRaised(UUID.randomUUID(), couple.coupleId(), couple.first().id(), Instant.now()),
            couple.clinicId(), couple.coupleId());
      }
      TopicProbe.publish(new CommitmentDue(UUID.randomUUID(), couple.coupleId(), couple.first().id(), couple.second().id(), LocalDate.now(),
          Instant.now()), couple.clinicId(), couple.coupleId());
    }
    // The concern has reached the clinician (so it has been handled), and each other partner has their two e-mails.
    smtp.awaitMessage(concerned.clinician().email(), 1, Duration.ofSeconds(60));
    for (Couple couple : List.of(concerned, calm)) {
      smtp.awaitMessage(couple.second().email(), 2, Duration.ofSeconds(60));
    }
    await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);

    assertThat(feedSeenBy(concerned.second())).isEqualTo(feedSeenBy(calm.second())).contains("\"unread\":2");
    assertThat(emailsSeenBy(concerned.second())).isEqualTo(emailsSeenBy(calm.second())).hasSize(2);
    assertThat(smtp.receivedBy(concerned.first().email())).isEqualTo(smtp.receivedBy(calm.first().email())).isEmpty();
  }

  /** The partner's feed as the API answers it, with what must differ between two people (ids, times) masked. */
  private String feedSeenBy(TestCouples.Login partner) {
    String body = new String(web.get().uri("/api/notifications").headers(h -> h.setBearerAuth(partner.token())).exchange()
        .expectStatus().isOk().expectBody().returnResult().getResponseBodyContent(), java.nio.charset.StandardCharsets.UTF_8);
    return mask(body);
  }

  /** The partner's e-mails as received, with their own address and their own unsubscribe token masked. */
  private List<String> emailsSeenBy(TestCouples.Login partner) {
    return smtp.receivedBy(partner.email()).stream()
        .map(mail -> mask(String.join("\n---\n", mail.subject(), mail.text(), mail.html(), mail.listUnsubscribe())
            .replaceAll("/unsubscribe/[A-Za-z0-9_.-]+", "/unsubscribe/<token>")))
        .sorted()
        .toList();
  }

  private static String mask(String text) {
    return text.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>")
        .replaceAll("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z", "<time>");
  }

  @Test
  void aReminderComesByEmailWithAnUnsubscribeLinkThatStopsOnlyItsKind() {
    Couple couple = TestCouples.enrol(UUID.randomUUID(), "Europe/London");
    UUID partner = couple.first().id();
    remindNow(partner);

    ReceivedMail reminder = smtp.awaitMessage(couple.first().email(), 1, Duration.ofSeconds(60));
    assertThat(reminder.subject()).isEqualTo("Time for today's check-in");
    assertThat(reminder.text()).startsWith("Hello Ari,").contains("https://tend.example/today");
    assertThat(reminder.html()).contains("Open Tend").contains("Stop e-mails like this one");
    String stop = reminder.link("https://tend.example/unsubscribe/").orElseThrow();
    assertThat(reminder.listUnsubscribe()).isEqualTo("<" + stop + ">");
    String token = stop.substring(stop.lastIndexOf('/') + 1);

    // The link's page can say what it stops before anything changes; then one POST stops it, no sign-in needed.
    web.get().uri("/api/notifications/unsubscribe/" + token).exchange().expectStatus().isOk().expectBody()
        .jsonPath("$.group").isEqualTo("REMINDERS").jsonPath("$.emailed").isEqualTo(true);
    web.post().uri("/api/notifications/unsubscribe/" + token).exchange().expectStatus().isNoContent();
    web.get().uri("/api/notifications/preferences").headers(h -> h.setBearerAuth(couple.first().token())).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$[?(@.group == 'REMINDERS')].emailed").isEqualTo(false)
        .jsonPath("$[?(@.group == 'APPRECIATION')].emailed").isEqualTo(true)
        .jsonPath("$[?(@.group == 'SAFETY_CONCERN')]").doesNotExist();

    // The next reminder (due a moment from now, so never at the same instant as the first) is in the feed only.
    database.sql("update reminder set due_at = date_trunc('second', now()) + interval '2 seconds' where partner_id = :p")
        .bind("p", partner).then().block();
    await().atMost(Duration.ofSeconds(60)).until(() ->
        database.sql("select count(*) from notification where recipient_id = :p and kind = 'CHECKIN_REMINDER'").bind("p", partner)
            .map(row -> row.get(0, Long.class)).one().block() >= 2);
    await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
    assertThat(emailsTo(partner)).hasSize(1);

    // A tampered token, or one for a safety alert, stops nothing.
    web.post().uri("/api/notifications/unsubscribe/" + token.substring(0, token.length() - 2) + "xx").exchange()
        .expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    var links = new UnsubscribeLinks(new EmailSettings(true, "", "", null, 1, null, 1, null, null, "local-unsubscribe-key-change-me"));
    web.post().uri("/api/notifications/unsubscribe/" + links.token(couple.clinician().id(),
        app.tend.notifications.feed.NotificationGroup.SAFETY_CONCERN)).exchange().expectStatus().isNotFound();
  }

  @Test
  void aChoiceMadeAfterAnEmailWasQueuedIsHonouredWhenItWouldBeSent() {
    Couple couple = TestCouples.enrol(UUID.randomUUID(), "Europe/London");
    UUID partner = couple.second().id();
    // Queued, not yet due; meanwhile they turn appreciation e-mails off. The mailer, which looks
    // every 200 ms here, is held while the e-mail is queued and put off: it sent one first now and then.
    mailer.stop();
    try {
      feed.create(partner, couple.clinicId(), NotificationKind.APPRECIATION, UUID.randomUUID()).block();
      database.sql("update delivery set next_attempt_at = now() + interval '2 seconds' where recipient_id = :p and channel = 'EMAIL'")
          .bind("p", partner).then().block();
    } finally {
      mailer.start();
    }
    web.put().uri("/api/notifications/preferences/APPRECIATION").headers(h -> h.setBearerAuth(couple.second().token()))
        .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"emailed\": false}").exchange().expectStatus().isNoContent();

    await().atMost(Duration.ofSeconds(30)).until(() -> emailsTo(partner).getFirst().state().equals("SKIPPED"));
    assertThat(attemptsOf(emailsTo(partner).getFirst().id())).containsExactly("NOT_WANTED");
    assertThat(smtp.receivedBy(couple.second().email())).isEmpty();
  }

  @Test
  void choicesAreRefusedWhereTheyCannotBeMade() {
    Couple couple = TestCouples.enrol(UUID.randomUUID(), "Europe/London");
    web.put().uri("/api/notifications/preferences/SAFETY_CONCERN").headers(h -> h.setBearerAuth(couple.clinician().token()))
        .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"emailed\": false}").exchange()
        .expectStatus().isEqualTo(422).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    web.put().uri("/api/notifications/preferences/DAILY_DIGEST").headers(h -> h.setBearerAuth(couple.first().token()))
        .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"emailed\": false}").exchange().expectStatus().isNotFound();
    web.put().uri("/api/notifications/preferences/REMINDERS").headers(h -> h.setBearerAuth(couple.first().token()))
        .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"emailed\": \"sometimes\"}").exchange().expectStatus().isBadRequest();
    web.put().uri("/api/notifications/preferences/REMINDERS")
        .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"emailed\": false}").exchange().expectStatus().isUnauthorized();
    assertThat(database.sql("select count(*) from email_preference where person_id in (:a, :b)")
        .bind("a", couple.first().id()).bind("b", couple.clinician().id()).map(row -> row.get(0, Long.class)).one().block()).isZero();
  }

  @Test
  void aPersonWithoutALoginAnyMoreGetsNoEmailAndTheLogSaysWhy() {
    UUID gone = UUID.randomUUID();
    feed.create(gone, UUID.randomUUID(), NotificationKind.COMMITMENT_DUE, UUID.randomUUID()).block();
    await().atMost(Duration.ofSeconds(30)).until(() -> emailsTo(gone).getFirst().state().equals("SKIPPED"));
    assertThat(attemptsOf(emailsTo(gone).getFirst().id())).containsExactly("NO_ADDRESS");

    // The operators' delivery log shows it with its try, and names nobody; nobody else may read the log.
    UUID deliveryId = emailsTo(gone).getFirst().id();
    String operator = TestInfrastructure.keycloakAdmin().accessToken("operator@tend.local", "tend-operator");
    byte[] log = web.get().uri("/api/notifications/deliveries?state=SKIPPED").headers(h -> h.setBearerAuth(operator)).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$.lastDay[?(@.channel == 'IN_APP' && @.state == 'SENT')].deliveries").exists()
        .jsonPath("$.latest[?(@.id == '" + deliveryId + "')].tries[0].result").isEqualTo("NO_ADDRESS")
        .jsonPath("$.latest[?(@.id == '" + deliveryId + "')].kind").isEqualTo("COMMITMENT_DUE")
        .returnResult().getResponseBodyContent();
    assertThat(new String(log, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain(gone.toString());
    Couple couple = TestCouples.enrol(UUID.randomUUID(), "Europe/London");
    for (String token : List.of(couple.first().token(), couple.clinician().token())) {
      web.get().uri("/api/notifications/deliveries").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isNotFound();
    }
    web.get().uri("/api/notifications/deliveries?state=LOST").headers(h -> h.setBearerAuth(operator)).exchange().expectStatus().isNotFound();
  }

  @Test
  void anSmtpOutageEndsInRetriesAndThenDeliveryOrAfterTheLastTryInACountedFailure() {
    Couple couple = TestCouples.enrol(UUID.randomUUID(), "Europe/London");
    double failedBefore = meters.counter("tend.notifications.email", "outcome", "failed").count();
    smtp.close();
    try {
      // Short outage: two tries fail, the server comes back, the third try delivers.
      feed.create(couple.first().id(), couple.clinicId(), NotificationKind.COMMITMENT_DUE, UUID.randomUUID()).block();
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        var email = emailsTo(couple.first().id());
        return !email.isEmpty() && attemptsOf(email.getFirst().id()).size() >= 2;
      });
      smtp = EmbeddedMailServer.start(SMTP_PORT);
      smtp.awaitMessage(couple.first().email(), 1, Duration.ofSeconds(30));
      var delivered = emailsTo(couple.first().id()).getFirst();
      await().atMost(Duration.ofSeconds(10)).until(() -> emailsTo(couple.first().id()).getFirst().state().equals("SENT"));
      var tries = attemptsOf(delivered.id());
      assertThat(tries.getLast()).isEqualTo("SENT");
      assertThat(tries.subList(0, tries.size() - 1)).hasSizeGreaterThanOrEqualTo(2).containsOnly("FAILED");

      // Long outage: four tries (pauses 0.5 s, 1 s, 2 s), then failed for good, counted, and not tried again.
      smtp.close();
      feed.create(couple.second().id(), couple.clinicId(), NotificationKind.COMMITMENT_DUE, UUID.randomUUID()).block();
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        var email = emailsTo(couple.second().id());
        return !email.isEmpty() && email.getFirst().state().equals("FAILED");
      });
      var failed = emailsTo(couple.second().id()).getFirst();
      assertThat(failed.attempts()).isEqualTo(4);
      assertThat(attemptsOf(failed.id())).containsExactly("FAILED", "FAILED", "FAILED", "FAILED");
      assertThat(meters.counter("tend.notifications.email", "outcome", "failed").count()).isEqualTo(failedBefore + 1);
      smtp = EmbeddedMailServer.start(SMTP_PORT);
      await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
      assertThat(smtp.receivedBy(couple.second().email())).isEmpty();
      assertThat(attemptsOf(failed.id())).hasSize(4);
    } finally {
      if (!isListening()) {
        smtp = EmbeddedMailServer.start(SMTP_PORT);
      }
    }
  }

  private static boolean isListening() {
    try (var socket = new java.net.Socket("127.0.0.1", SMTP_PORT)) {
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
