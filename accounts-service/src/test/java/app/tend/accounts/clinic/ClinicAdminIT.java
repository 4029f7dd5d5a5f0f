package app.tend.accounts.clinic;

import static app.tend.accounts.TestClinics.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.tend.accounts.TestClinics;
import app.tend.accounts.couple.CoupleView;
import app.tend.contracts.TendHeaders;
import app.tend.contracts.EventCodec;
import app.tend.contracts.EventEnvelope;
import app.tend.contracts.Topics;
import app.tend.contracts.accounts.ClinicSettingsChanged;
import app.tend.testkit.TestInfrastructure;
import app.tend.testkit.TopicProbe;
import java.time.Duration;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What a clinic admin runs: who works with which couple, which clinicians can sign in, and the clinic's settings. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
class ClinicAdminIT {

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    TestClinics.servers(registry);
  }

  @Autowired WebTestClient web;
  @Autowired DatabaseClient database;

  private static UUID idOf(String email) {
    return TestInfrastructure.keycloakAdmin().findUser(email).orElseThrow();
  }

  private long couplesSeenBy(String email) {
    return web.get().uri("/api/accounts/couples").headers(h -> h.setBearerAuth(token(email))).exchange()
        .expectStatus().isOk().expectBodyList(CoupleView.class).returnResult().getResponseBody().size();
  }

  @Test
  void theAdminSearchesWhoReadTheirCouplesNamesAndFromWhere() {
    String admin = TestClinics.newClinic(web);
    String clinician = TestClinics.newClinician(web, admin);
    var couple = web.post().uri("/api/accounts/couples").headers(h -> h.setBearerAuth(token(clinician)))
        .bodyValue(Map.of("partners", List.of(TestClinics.partner("a-" + UUID.randomUUID() + "@home.test", "Ari", "Europe/Berlin"),
            TestClinics.partner("b-" + UUID.randomUUID() + "@home.test", "Bo", "Europe/Berlin"))))
        .exchange().expectStatus().isCreated().expectBody(CoupleView.class).returnResult().getResponseBody();
    web.get().uri("/api/accounts/couples").headers(h -> {
      h.setBearerAuth(token(clinician));
      h.set(TendHeaders.CLIENT_ADDRESS, "203.0.113.9 via 10.0.0.4");
    }).exchange().expectStatus().isOk();

    web.get().uri("/api/accounts/audit?couple={c}&actor={a}", couple.id(), idOf(clinician)).headers(h -> h.setBearerAuth(token(admin)))
        .exchange().expectStatus().isOk().expectBody()
        .jsonPath("$.entries.length()").isEqualTo(1)
        .jsonPath("$.entries[0].action").isEqualTo("couples.list")
        .jsonPath("$.entries[0].actorRoles").isEqualTo("clinician")
        .jsonPath("$.entries[0].clientAddress").isEqualTo("203.0.113.9 via 10.0.0.4")
        .jsonPath("$.nextBefore").doesNotExist();
    web.get().uri("/api/accounts/audit?couple={c}", couple.id()).headers(h -> h.setBearerAuth(token(TestClinics.newClinic(web))))
        .exchange().expectStatus().isOk().expectBody().jsonPath("$.entries.length()").isEqualTo(0);
    web.get().uri("/api/accounts/audit?limit=0").headers(h -> h.setBearerAuth(token(admin))).exchange().expectStatus().isBadRequest();
  }

  @Test
  void anAdminMovesACoupleToAnotherClinicianAndOnlyThenDeactivatesTheFirst() {
    String admin = TestClinics.newClinic(web);
    String first = TestClinics.newClinician(web, admin);
    String second = TestClinics.newClinician(web, admin);
    // A new clinician hears of their login: Keycloak's e-mail with a link to choose their password.
    var welcome = TestInfrastructure.mail().awaitMessage(second, 1, Duration.ofSeconds(60));
    assertThat(welcome.text()).contains("/realms/tend/login-actions/action-token?key=");
    var couple = web.post().uri("/api/accounts/couples").headers(h -> h.setBearerAuth(token(first)))
        .bodyValue(Map.of("partners", List.of(TestClinics.partner("a-" + UUID.randomUUID() + "@home.test", "Ari", "Europe/Berlin"),
            TestClinics.partner("b-" + UUID.randomUUID() + "@home.test", "Bo", "Europe/Berlin"))))
        .exchange().expectStatus().isCreated().expectBody(CoupleView.class).returnResult().getResponseBody();

    // Not while the couple is theirs.
    web.post().uri("/api/accounts/clinicians/{id}/deactivation", idOf(first)).headers(h -> h.setBearerAuth(token(admin)))
        .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("still works with 1 couple").contains("assign them to another clinician"));
    // Only the admin of this clinic moves couples.
    var toSecond = Map.of("clinicianId", idOf(second));
    web.put().uri("/api/accounts/couples/{id}/clinician", couple.id()).headers(h -> h.setBearerAuth(token(first))).bodyValue(toSecond)
        .exchange().expectStatus().isNotFound();
    web.put().uri("/api/accounts/couples/{id}/clinician", couple.id()).headers(h -> h.setBearerAuth(token(TestClinics.newClinic(web))))
        .bodyValue(toSecond).exchange().expectStatus().isNotFound();

    var moved = web.put().uri("/api/accounts/couples/{id}/clinician", couple.id()).headers(h -> h.setBearerAuth(token(admin)))
        .bodyValue(toSecond).exchange().expectStatus().isOk().expectBody(CoupleView.class).returnResult().getResponseBody();
    assertThat(moved.clinicianId()).isEqualTo(idOf(second));
    // The answer showed the couple's people to the admin: recorded like every staff read.
    assertThat(database.sql("select count(*) from audit_event where action = 'couples.assign' and couple_id = :c and actor_id = :a")
        .bind("c", couple.id()).bind("a", idOf(admin)).map(row -> row.get(0, Long.class)).one().block()).isEqualTo(1);
    assertThat(couplesSeenBy(first)).isZero();
    assertThat(couplesSeenBy(second)).isEqualTo(1);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(TopicProbe.envelopes(Topics.ACCOUNTS_COUPLE, "coupleId", couple.id(), Duration.ofSeconds(2)))
            .extracting(EventEnvelope::eventType).contains("ClinicianAssigned"));

    // Now the first clinician can be deactivated: they can no longer sign in, and get no couples.
    web.post().uri("/api/accounts/clinicians/{id}/deactivation", idOf(first)).headers(h -> h.setBearerAuth(token(admin)))
        .exchange().expectStatus().isOk().expectBody().jsonPath("$.active").isEqualTo(false);
    assertThatThrownBy(() -> token(first)).isInstanceOf(RuntimeException.class);
    web.put().uri("/api/accounts/couples/{id}/clinician", couple.id()).headers(h -> h.setBearerAuth(token(admin)))
        .bodyValue(Map.of("clinicianId", idOf(first))).exchange().expectStatus().isNotFound();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(TopicProbe.envelopes(Topics.ACCOUNTS_CLINIC, "clinicianId", idOf(first), Duration.ofSeconds(2)))
            .extracting(EventEnvelope::eventType).containsExactly("ClinicianAdded", "ClinicianDeactivated"));

    // A new name reaches the login too.
    web.put().uri("/api/accounts/clinicians/{id}", idOf(second)).headers(h -> h.setBearerAuth(token(admin)))
        .bodyValue(Map.of("firstName", "Morgan", "lastName", "Reyes")).exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.firstName").isEqualTo("Morgan");
    web.get().uri("/api/accounts/me").headers(h -> h.setBearerAuth(token(second))).exchange().expectBody().jsonPath("$.firstName").isEqualTo("Morgan");
  }

  private static Map<String, Object> settings(String reminder, double drop, int days, int measure) {
    var settings = new HashMap<String, Object>();
    settings.put("defaultReminderTime", reminder);
    settings.put("defaultQuietHoursStart", "21:30");
    settings.put("defaultQuietHoursEnd", "06:30");
    settings.put("alertTrendDrop", drop);
    settings.put("alertDaysWithoutCheckin", days);
    settings.put("measureEveryDays", measure);
    settings.put("crisisContacts", "Riverside on-call line: 030 1234 5678 (day and night)");
    return settings;
  }

  @Test
  void clinicSettingsAreTheAdminsTheirChangesAreAnnouncedAndTheJoinPageOffersTheDefaults() {
    String admin = TestClinics.newClinic(web);
    String clinician = TestClinics.newClinician(web, admin);
    var defaults = web.get().uri("/api/accounts/clinic/settings").headers(h -> h.setBearerAuth(token(admin))).exchange()
        .expectStatus().isOk().expectBody(ClinicSettings.class).returnResult().getResponseBody();
    assertThat(defaults).isEqualTo(new ClinicSettings(LocalTime.of(20, 0), LocalTime.of(22, 0), LocalTime.of(7, 0), 1.0, 4, 7, ""));

    web.put().uri("/api/accounts/clinic/settings").headers(h -> h.setBearerAuth(token(admin))).bodyValue(settings("23:00", 9, 0, 10))
        .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
            .contains("the default reminder time falls in the default quiet hours").contains("between 0.5 and 4")
            .contains("1 to 30").contains("every 7, 14 or 28 days"));
    web.get().uri("/api/accounts/clinic/settings").headers(h -> h.setBearerAuth(token(admin))).exchange()
        .expectBody(ClinicSettings.class).isEqualTo(defaults);
    web.get().uri("/api/accounts/clinic/settings").headers(h -> h.setBearerAuth(token(clinician))).exchange().expectStatus().isNotFound();

    web.put().uri("/api/accounts/clinic/settings").headers(h -> h.setBearerAuth(token(admin))).bodyValue(settings("19:00", 1.5, 3, 14))
        .exchange().expectStatus().isOk().expectBody().jsonPath("$.measureEveryDays").isEqualTo(14);
    UUID clinicId = web.get().uri("/api/accounts/me").headers(h -> h.setBearerAuth(token(admin))).exchange()
        .expectBody(Map.class).returnResult().getResponseBody().get("clinicId") instanceof String id ? UUID.fromString(id) : null;
    var codec = new EventCodec();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(TopicProbe.envelopes(Topics.ACCOUNTS_CLINIC, "clinicId", clinicId, Duration.ofSeconds(2)))
            .satisfies(events -> {
              assertThat(events).extracting(EventEnvelope::eventType).startsWith("ClinicCreated", "ClinicSettingsChanged");
              assertThat(events).filteredOn(event -> event.eventType().equals("ClinicSettingsChanged"))
                  .extracting(event -> codec.payload(event, ClinicSettingsChanged.class).measureEveryDays())
                  .containsExactly(7, 14);
            }));

    String email = "p-" + UUID.randomUUID() + "@home.test";
    web.post().uri("/api/accounts/couples").headers(h -> h.setBearerAuth(token(clinician)))
        .bodyValue(Map.of("partners", List.of(TestClinics.partner(email, "Ari", "Europe/Berlin"),
            TestClinics.partner("q-" + UUID.randomUUID() + "@home.test", "Bo", "Europe/Berlin"))))
        .exchange().expectStatus().isCreated();
    String link = TestInfrastructure.mail().awaitMessage(email, 1, Duration.ofSeconds(30)).link("http://localhost:8080/join/").orElseThrow();
    web.get().uri("/api/accounts/invitations/{t}", link.substring(link.lastIndexOf('/') + 1)).exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.reminderTime").isEqualTo("19:00:00").jsonPath("$.quietHoursStart").isEqualTo("21:30:00");

    // The clinic's crisis contacts reach its partners' own pages, and nobody else's.
    TestClinics.join(web, email, "correct horse battery");
    web.get().uri("/api/accounts/me/support").headers(h -> h.setBearerAuth(TestInfrastructure.keycloakAdmin().accessToken(email,
            "correct horse battery"))).exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.crisisContacts").isEqualTo("Riverside on-call line: 030 1234 5678 (day and night)");
    var tooLong = settings("19:00", 1.5, 3, 14);
    tooLong.put("crisisContacts", "x".repeat(1001));
    web.put().uri("/api/accounts/clinic/settings").headers(h -> h.setBearerAuth(token(admin))).bodyValue(tooLong)
        .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.detail").value(detail ->
            assertThat((String) detail).contains("at most 1000 characters"));
  }

  @Test
  void aDeactivatedClinicsPeopleCannotSignInAndItsOpenLinksNoLongerWork() {
    String admin = TestClinics.newClinic(web);
    String clinician = TestClinics.newClinician(web, admin);
    String joining = "j-" + UUID.randomUUID() + "@home.test";
    String waiting = "w-" + UUID.randomUUID() + "@home.test";
    web.post().uri("/api/accounts/couples").headers(h -> h.setBearerAuth(token(clinician)))
        .bodyValue(Map.of("partners", List.of(TestClinics.partner(joining, "Ari", "Europe/Berlin"), TestClinics.partner(waiting, "Bo", "Europe/Berlin"))))
        .exchange().expectStatus().isCreated();
    TestClinics.join(web, joining, "partner-password-1");
    String waitingLink = TestInfrastructure.mail().awaitMessage(waiting, 1, Duration.ofSeconds(30)).link("http://localhost:8080/join/").orElseThrow();
    UUID clinicId = UUID.fromString((String) web.get().uri("/api/accounts/me").headers(h -> h.setBearerAuth(token(admin))).exchange()
        .expectBody(Map.class).returnResult().getResponseBody().get("clinicId"));
    String operator = TestInfrastructure.keycloakAdmin().accessToken("operator@tend.local", "tend-operator");

    web.post().uri("/api/accounts/clinics/{id}/deactivation", clinicId).headers(h -> h.setBearerAuth(token(admin))).exchange()
        .expectStatus().isNotFound();
    web.post().uri("/api/accounts/clinics/{id}/deactivation", clinicId).headers(h -> h.setBearerAuth(operator)).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.active").isEqualTo(false);
    // Again: nothing more happens, the answer is the same.
    web.post().uri("/api/accounts/clinics/{id}/deactivation", clinicId).headers(h -> h.setBearerAuth(operator)).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.active").isEqualTo(false);

    assertThatThrownBy(() -> token(admin)).isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> token(clinician)).isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> TestInfrastructure.keycloakAdmin().accessToken(joining, "partner-password-1")).isInstanceOf(RuntimeException.class);
    web.get().uri("/api/accounts/invitations/{t}", waitingLink.substring(waitingLink.lastIndexOf('/') + 1)).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("REVOKED");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(TopicProbe.envelopes(Topics.ACCOUNTS_CLINIC, "clinicId", clinicId, Duration.ofSeconds(2)))
            .extracting(EventEnvelope::eventType).containsOnlyOnce("ClinicDeactivated"));
  }
}
