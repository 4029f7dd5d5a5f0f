package app.tend.accounts.couple;

import static app.tend.accounts.TestClinics.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.tend.accounts.TestClinics;
import app.tend.accounts.invitation.InvitationState;
import app.tend.accounts.invitation.Invitee;
import app.tend.contracts.EventEnvelope;
import app.tend.contracts.Topics;
import app.tend.testkit.TestInfrastructure;
import app.tend.testkit.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** From a new clinic to an enrolled and invited couple, against the real Keycloak, PostgreSQL, Kafka and SMTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
class EnrolmentIT {

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    TestClinics.servers(registry);
  }

  @Autowired WebTestClient web;
  @Autowired DatabaseClient database;

  private String newClinic() {
    return TestClinics.newClinic(web);
  }

  private String newClinician(String adminEmail) {
    return TestClinics.newClinician(web, adminEmail);
  }

  private static Map<String, Object> partner(String email, String zone) {
    return TestClinics.partner(email, "Sam", zone);
  }

  @Test
  void aClinicianEnrolsACoupleBothAreInvitedByEmailAndARepeatChangesNothing() {
    String clinician = newClinician(newClinic());
    String first = "p1-" + UUID.randomUUID() + "@home.test";
    String second = "p2-" + UUID.randomUUID() + "@home.test";
    var request = Map.of("partners", List.of(partner(first, "Europe/Berlin"), partner(second, "America/Toronto")));

    var couple = web.post().uri("/api/accounts/couples").headers(h -> h.setBearerAuth(token(clinician))).bodyValue(request)
        .exchange().expectStatus().isCreated().expectBody(CoupleView.class).returnResult().getResponseBody();

    assertThat(couple.partners()).extracting(Invitee::email).containsExactly(first, second);
    assertThat(couple.partners()).allSatisfy(person -> {
      assertThat(person.state()).isEqualTo(InvitationState.OPEN);
      assertThat(person.partnerId()).isNull();
      assertThat(person.expiresAt()).isBetween(Instant.now().plus(Duration.ofDays(7)).minusSeconds(120), Instant.now().plus(Duration.ofDays(7)));
    });
    // Nobody has a login until they accept.
    assertThat(TestInfrastructure.keycloakAdmin().findUser(first)).isEmpty();
    var mail = TestInfrastructure.mail().awaitMessage(first, 1, Duration.ofSeconds(30));
    assertThat(mail.subject()).isEqualTo("Casey Clinician invited you to Tend");
    assertThat(mail.text()).contains("Hello Sam,").contains("Riverside Couples Clinic").contains("http://localhost:8080/join/");
    TestInfrastructure.mail().awaitMessage(second, 1, Duration.ofSeconds(30));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(TopicProbe.envelopes(Topics.ACCOUNTS_COUPLE, "coupleId", couple.id(), Duration.ofSeconds(2)))
            .extracting(EventEnvelope::eventType)
            .containsExactly("CoupleEnrolled", "PartnerInvited", "PartnerInvited"));
    // Events name nobody: no address, no name, no link.
    assertThat(TopicProbe.envelopes(Topics.ACCOUNTS_COUPLE, "coupleId", couple.id(), Duration.ofSeconds(1)))
        .allSatisfy(event -> assertThat(event.payload().toString()).doesNotContain(first).doesNotContain("Sam").doesNotContain("/join/"));

    // The same request again (a retry) answers the same couple and sends nothing new.
    var again = web.post().uri("/api/accounts/couples").headers(h -> h.setBearerAuth(token(clinician))).bodyValue(request)
        .exchange().expectStatus().isOk().expectBody(CoupleView.class).returnResult().getResponseBody();
    assertThat(again.id()).isEqualTo(couple.id());
    assertThat(database.sql("select count(*) from invitation where email = :e").bind("e", first).map(r -> r.get(0, Long.class)).one().block())
        .isEqualTo(1);
    // Either person with somebody else is refused: one live invitation per address.
    web.post().uri("/api/accounts/couples").headers(h -> h.setBearerAuth(token(clinician)))
        .bodyValue(Map.of("partners", List.of(partner(first, "Europe/Berlin"), partner("new-" + UUID.randomUUID() + "@home.test", "Europe/Berlin"))))
        .exchange().expectStatus().isEqualTo(409);
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
        .untilAsserted(() -> assertThat(TestInfrastructure.mail().receivedBy(first)).hasSize(1));
  }

  @Test
  void anotherClinicSeesNoneOfItAndACliniciansCaseloadIsTheirOwn() {
    String admin = newClinic();
    String clinician = newClinician(admin);
    String otherClinician = newClinician(admin);
    web.post().uri("/api/accounts/couples").headers(h -> h.setBearerAuth(token(clinician)))
        .bodyValue(Map.of("partners", List.of(partner("a-" + UUID.randomUUID() + "@home.test", "Europe/Berlin"),
            partner("b-" + UUID.randomUUID() + "@home.test", "Europe/Berlin"))))
        .exchange().expectStatus().isCreated();
    String otherAdmin = newClinic();

    web.get().uri("/api/accounts/couples").headers(h -> h.setBearerAuth(token(clinician))).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1);
    web.get().uri("/api/accounts/couples").headers(h -> h.setBearerAuth(token(otherClinician))).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
    web.get().uri("/api/accounts/couples").headers(h -> h.setBearerAuth(token(admin))).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1);
    web.get().uri("/api/accounts/couples").headers(h -> h.setBearerAuth(token(otherAdmin))).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
    // Each staff read of a couple is in the audit log: who, which couple, what; empty reads record nothing.
    UUID readerId = TestInfrastructure.keycloakAdmin().findUser(clinician).orElseThrow();
    UUID adminId = TestInfrastructure.keycloakAdmin().findUser(admin).orElseThrow();
    UUID otherClinicianId = TestInfrastructure.keycloakAdmin().findUser(otherClinician).orElseThrow();
    assertThat(auditRows(readerId)).isEqualTo(1);
    assertThat(auditRows(adminId)).isEqualTo(1);
    assertThat(auditRows(otherClinicianId)).isZero();
    assertThat(database.sql("select action from audit_event where actor_id = :a").bind("a", readerId)
        .map(row -> row.get(0, String.class)).one().block()).isEqualTo("couples.list");
    // An admin of another clinic cannot put a couple on this clinic's clinician.
    UUID clinicianId = TestInfrastructure.keycloakAdmin().findUser(clinician).orElseThrow();
    web.post().uri("/api/accounts/couples").headers(h -> h.setBearerAuth(token(otherAdmin)))
        .bodyValue(Map.of("clinicianId", clinicianId, "partners", List.of(partner("c-" + UUID.randomUUID() + "@home.test", "Europe/Berlin"),
            partner("d-" + UUID.randomUUID() + "@home.test", "Europe/Berlin"))))
        .exchange().expectStatus().isNotFound();
    // A clinician cannot create clinics, and a clinic admin cannot either.
    web.post().uri("/api/accounts/clinics").headers(h -> h.setBearerAuth(token(admin)))
        .bodyValue(Map.of("name", "X", "timeZone", "Europe/Berlin", "admin", Map.of("email", "x@y.test", "firstName", "X", "lastName", "Y")))
        .exchange().expectStatus().isNotFound();
  }

  private long auditRows(UUID actor) {
    return database.sql("select count(*) from audit_event where actor_id = :a and request_id is not null").bind("a", actor)
        .map(row -> row.get(0, Long.class)).one().block();
  }

  @Test
  void badInputIsRefusedAndLeavesNoCoupleAndNoInvitation() {
    String admin = newClinic();
    String clinician = newClinician(admin);
    long couplesBefore = database.sql("select count(*) from couple").map(r -> r.get(0, Long.class)).one().block();
    String email = "bad-" + UUID.randomUUID() + "@home.test";

    web.post().uri("/api/accounts/couples").headers(h -> h.setBearerAuth(token(clinician)))
        .bodyValue(Map.of("partners", List.of(partner(email, "Mars/Olympus"), partner("not-an-address", "Europe/Berlin"))))
        .exchange().expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d)
            .contains("partner 1 time zone must be a place").contains("partner 2 e-mail address"));
    // A clinic admin must name the clinician (a clinician enrols into their own caseload).
    web.post().uri("/api/accounts/couples").headers(h -> h.setBearerAuth(token(admin)))
        .bodyValue(Map.of("partners", List.of(partner(email, "Europe/Berlin"), partner("x-" + email, "Europe/Berlin"))))
        .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("choose who will work with this couple"));
    web.post().uri("/api/accounts/couples").headers(h -> h.setBearerAuth(token(clinician)))
        .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"partners\": [").exchange()
        .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    // The second partner's address is a clinician's login: refused before anything is made.
    web.post().uri("/api/accounts/couples").headers(h -> h.setBearerAuth(token(clinician)))
        .bodyValue(Map.of("partners", List.of(partner(email, "Europe/Berlin"), partner(clinician, "Europe/Berlin"))))
        .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("already enrolled or invited"));

    assertThat(database.sql("select count(*) from couple").map(r -> r.get(0, Long.class)).one().block()).isEqualTo(couplesBefore);
    assertThat(database.sql("select count(*) from invitation where email = :e").bind("e", email).map(r -> r.get(0, Long.class)).one().block()).isZero();
  }
}
