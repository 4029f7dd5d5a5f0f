package app.tend.accounts.partner;

import static app.tend.accounts.TestClinics.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.tend.accounts.TestClinics;
import app.tend.accounts.couple.CoupleView;
import app.tend.contracts.EventCodec;
import app.tend.contracts.EventEnvelope;
import app.tend.contracts.Topics;
import app.tend.contracts.accounts.ConsentChanged;
import app.tend.contracts.accounts.PreferencesChanged;
import app.tend.contracts.notification.NotificationType;
import app.tend.testkit.TestInfrastructure;
import app.tend.testkit.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/** A partner changes their own settings and consent; the other services are told; nobody else can. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
class PartnerSettingsIT {

  private static final String PASSWORD = "partner-password-1";

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    TestClinics.servers(registry);
  }

  @Autowired WebTestClient web;

  private record Joined(String clinician, CoupleView couple, String first, String second) {}

  private Joined joinedCouple() {
    String clinician = TestClinics.newClinician(web, TestClinics.newClinic(web));
    String first = "first-" + UUID.randomUUID() + "@home.test";
    String second = "second-" + UUID.randomUUID() + "@home.test";
    var couple = web.post().uri("/api/accounts/couples").headers(h -> h.setBearerAuth(token(clinician)))
        .bodyValue(Map.of("partners", List.of(TestClinics.partner(first, "Ari", "Europe/Berlin"), TestClinics.partner(second, "Bo", "Europe/Berlin"))))
        .exchange().expectStatus().isCreated().expectBody(CoupleView.class).returnResult().getResponseBody();
    TestClinics.join(web, first, PASSWORD);
    TestClinics.join(web, second, PASSWORD);
    return new Joined(clinician, couple, first, second);
  }

  private static String partnerToken(String email) {
    return TestInfrastructure.keycloakAdmin().accessToken(email, PASSWORD);
  }

  private static Map<String, Object> newSettings() {
    var settings = new HashMap<String, Object>();
    settings.put("firstName", "Arianne");
    settings.put("lastName", "Moreau");
    settings.put("timeZone", "Asia/Tokyo");
    settings.put("reminderTime", "08:15");
    settings.put("quietHoursStart", "23:00");
    settings.put("quietHoursEnd", "06:30");
    settings.put("mutedNotifications", List.of("PARTNER_CHECKED_IN"));
    return settings;
  }

  private PartnerSettings settingsOf(String email) {
    return web.get().uri("/api/accounts/me/settings").headers(h -> h.setBearerAuth(partnerToken(email))).exchange()
        .expectStatus().isOk().expectBody(PartnerSettings.class).returnResult().getResponseBody();
  }

  private static List<EventEnvelope> events(UUID coupleId) {
    return TopicProbe.envelopes(Topics.ACCOUNTS_COUPLE, "coupleId", coupleId, Duration.ofSeconds(2));
  }

  @Test
  void aPartnerChangesTheirSettingsAndConsentAndEveryServiceIsTold() {
    var joined = joinedCouple();
    var before = settingsOf(joined.first());
    assertThat(before.timeZone()).isEqualTo("Europe/Berlin");
    assertThat(before.reflectionsVisibleToClinician()).isFalse();
    assertThat(before.mutedNotifications()).isEmpty();

    var after = web.put().uri("/api/accounts/me/settings").headers(h -> h.setBearerAuth(partnerToken(joined.first())))
        .bodyValue(newSettings()).exchange().expectStatus().isOk().expectBody(PartnerSettings.class).returnResult().getResponseBody();
    assertThat(after.firstName()).isEqualTo("Arianne");
    assertThat(after.timeZone()).isEqualTo("Asia/Tokyo");
    assertThat(after.reminderTime()).isEqualTo(LocalTime.of(8, 15));
    assertThat(after.mutedNotifications()).containsExactly(NotificationType.PARTNER_CHECKED_IN);
    // The new name is on the login too: the next token carries it.
    var claims = JsonMapper.builder().build().readTree(new String(
        Base64.getUrlDecoder().decode(partnerToken(joined.first()).split("\\.")[1]), StandardCharsets.UTF_8));
    assertThat(claims.get("given_name").asString()).isEqualTo("Arianne");

    var consent = web.put().uri("/api/accounts/me/consent").headers(h -> h.setBearerAuth(partnerToken(joined.first())))
        .bodyValue(Map.of("reflectionsVisibleToClinician", true)).exchange().expectStatus().isOk()
        .expectBody(PartnerSettings.class).returnResult().getResponseBody();
    assertThat(consent.reflectionsVisibleToClinician()).isTrue();
    assertThat(consent.consentedAt()).isAfter(before.consentedAt());

    var codec = new EventCodec();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      var envelopes = events(joined.couple().id());
      assertThat(envelopes).filteredOn(e -> e.eventType().equals("PreferencesChanged")).singleElement().satisfies(e -> {
        var changed = codec.payload(e, PreferencesChanged.class);
        assertThat(changed.timeZone()).isEqualTo("Asia/Tokyo");
        assertThat(changed.mutedNotifications()).containsExactly(NotificationType.PARTNER_CHECKED_IN);
        assertThat(e.payload().toString()).doesNotContain("Arianne").doesNotContain(joined.first());
      });
      assertThat(envelopes).filteredOn(e -> e.eventType().equals("ConsentChanged")).singleElement()
          .satisfies(e -> assertThat(codec.payload(e, ConsentChanged.class).reflectionsVisibleToClinician()).isTrue());
    });
    // The other partner's settings are their own and untouched.
    assertThat(settingsOf(joined.second()).timeZone()).isEqualTo("Europe/Berlin");
  }

  @Test
  void badSettingsAreRefusedAndChangeNothingAndOnlyPartnersHaveSettings() {
    var joined = joinedCouple();
    var before = settingsOf(joined.first());
    var bad = newSettings();
    bad.put("reminderTime", "23:30");
    bad.put("firstName", " ");
    bad.put("mutedNotifications", List.of("NOT_A_KIND"));
    web.put().uri("/api/accounts/me/settings").headers(h -> h.setBearerAuth(partnerToken(joined.first())))
        .bodyValue(bad).exchange().expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    bad.put("mutedNotifications", List.of());
    web.put().uri("/api/accounts/me/settings").headers(h -> h.setBearerAuth(partnerToken(joined.first())))
        .bodyValue(bad).exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
            .contains("first name must be").contains("reminder time falls in your quiet hours"));
    web.put().uri("/api/accounts/me/consent").headers(h -> h.setBearerAuth(partnerToken(joined.first())))
        .bodyValue(Map.of()).exchange().expectStatus().isBadRequest();
    assertThat(settingsOf(joined.first())).isEqualTo(before);

    web.get().uri("/api/accounts/me/settings").headers(h -> h.setBearerAuth(token(joined.clinician()))).exchange().expectStatus().isNotFound();
    web.put().uri("/api/accounts/me/consent").headers(h -> h.setBearerAuth(token(joined.clinician())))
        .bodyValue(Map.of("reflectionsVisibleToClinician", true)).exchange().expectStatus().isNotFound();
    web.get().uri("/api/accounts/me/settings").exchange().expectStatus().isUnauthorized();
  }

  @Test
  void whenKeycloakHangsARenameChangesNothing() {
    var joined = joinedCouple();
    var before = settingsOf(joined.first());
    String token = partnerToken(joined.first());
    TestInfrastructure.keycloak().hang();
    try {
      web.put().uri("/api/accounts/me/settings").headers(h -> h.setBearerAuth(token)).bodyValue(newSettings()).exchange()
          .expectStatus().isEqualTo(503);
    } finally {
      TestInfrastructure.keycloak().resume();
    }
    assertThat(settingsOf(joined.first())).isEqualTo(before);
  }
}
