package app.tend.accounts.couple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.tend.contracts.Topics;
import app.tend.testkit.TendTestProperties;
import app.tend.testkit.TestInfrastructure;
import app.tend.testkit.TopicProbe;
import java.time.Duration;
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

/** From a new clinic to an enrolled couple, with logins created in the real Keycloak by the service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
class EnrolmentIT {

  private static final String PASSWORD = "a-test-password-1";

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    TendTestProperties.postgres(registry, "accounts");
    TendTestProperties.kafka(registry);
    TendTestProperties.keycloak(registry);
    registry.add("tend.keycloak.server-url", () -> TestInfrastructure.keycloak().baseUrl());
  }

  @Autowired WebTestClient web;
  @Autowired DatabaseClient database;

  private static String token(String email) {
    return TestInfrastructure.keycloakAdmin().accessToken(email, PASSWORD);
  }

  /** Creates a clinic as the platform operator and gives its admin a password; answers the admin's e-mail. */
  private String newClinic() {
    String admin = "admin-" + UUID.randomUUID() + "@clinic.test";
    String operator = TestInfrastructure.keycloakAdmin().accessToken("operator@tend.local", "tend-operator");
    var created = web.post().uri("/api/accounts/clinics").headers(h -> h.setBearerAuth(operator))
        .bodyValue(Map.of("name", "Riverside Couples Clinic", "timeZone", "Europe/Berlin",
            "admin", Map.of("email", admin, "firstName", "Ada", "lastName", "Admin")))
        .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    TestInfrastructure.keycloakAdmin().setPassword(UUID.fromString((String) created.get("adminId")), PASSWORD);
    return admin;
  }

  private String newClinician(String adminEmail) {
    String email = "clinician-" + UUID.randomUUID() + "@clinic.test";
    var created = web.post().uri("/api/accounts/clinicians").headers(h -> h.setBearerAuth(token(adminEmail)))
        .bodyValue(Map.of("email", email, "firstName", "Casey", "lastName", "Clinician"))
        .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    TestInfrastructure.keycloakAdmin().setPassword(UUID.fromString((String) created.get("id")), PASSWORD);
    return email;
  }

  private static Map<String, Object> partner(String email, String zone) {
    return Map.of("person", Map.of("email", email, "firstName", "Sam", "lastName", "Partner"), "timeZone", zone);
  }

  @Test
  void aClinicianEnrolsACoupleAndTheOtherServicesAreTold() {
    String clinician = newClinician(newClinic());
    String first = "p1-" + UUID.randomUUID() + "@home.test";
    String second = "p2-" + UUID.randomUUID() + "@home.test";

    var couple = web.post().uri("/api/accounts/couples").headers(h -> h.setBearerAuth(token(clinician)))
        .bodyValue(Map.of("partners", List.of(partner(first, "Europe/Berlin"), partner(second, "America/Toronto"))))
        .exchange().expectStatus().isCreated().expectBody(CoupleView.class).returnResult().getResponseBody();

    assertThat(couple.partners()).extracting(CoupleView.PartnerView::email).containsExactly(first, second);
    var partnerLogin = TestInfrastructure.keycloakAdmin().findUser(first);
    assertThat(partnerLogin).contains(couple.partners().getFirst().id());
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(TopicProbe.envelopes(Topics.ACCOUNTS_COUPLE, "coupleId", couple.id(), Duration.ofSeconds(2)))
            .singleElement()
            .satisfies(event -> {
              assertThat(event.eventType()).isEqualTo("CoupleEnrolled");
              assertThat(event.payload().toString()).doesNotContain(first).doesNotContain("Sam");
            }));

    // The partner's own token now carries the partner role and the clinic, and /me knows them.
    TestInfrastructure.keycloakAdmin().setPassword(couple.partners().getFirst().id(), PASSWORD);
    web.get().uri("/api/accounts/me").headers(h -> h.setBearerAuth(token(first))).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$.coupleId").isEqualTo(couple.id().toString())
        .jsonPath("$.roles[0]").isEqualTo("partner")
        .jsonPath("$.partnerFirstName").isEqualTo("Sam");
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
  void badInputIsRefusedAndLeavesNoCoupleAndNoLogin() {
    String clinician = newClinician(newClinic());
    long couplesBefore = database.sql("select count(*) from couple").map(r -> r.get(0, Long.class)).one().block();
    String email = "bad-" + UUID.randomUUID() + "@home.test";

    web.post().uri("/api/accounts/couples").headers(h -> h.setBearerAuth(token(clinician)))
        .bodyValue(Map.of("partners", List.of(partner(email, "Mars/Olympus"), partner("not-an-address", "Europe/Berlin"))))
        .exchange().expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d)
            .contains("partner 1 time zone must be a place").contains("partner 2 e-mail address"));
    web.post().uri("/api/accounts/couples").headers(h -> h.setBearerAuth(token(clinician)))
        .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"partners\": [").exchange()
        .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    // The second partner's address is taken: the first partner's login must not be left behind.
    web.post().uri("/api/accounts/couples").headers(h -> h.setBearerAuth(token(clinician)))
        .bodyValue(Map.of("partners", List.of(partner(email, "Europe/Berlin"), partner(clinician, "Europe/Berlin"))))
        .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("already has a Tend login"));

    assertThat(database.sql("select count(*) from couple").map(r -> r.get(0, Long.class)).one().block()).isEqualTo(couplesBefore);
    assertThat(TestInfrastructure.keycloakAdmin().findUser(email)).isEmpty();
  }
}
