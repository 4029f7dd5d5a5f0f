package app.tend.accounts.invitation;

import static app.tend.accounts.TestClinics.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.tend.accounts.TestClinics;
import app.tend.accounts.couple.CoupleView;
import app.tend.contracts.EventCodec;
import app.tend.contracts.Topics;
import app.tend.contracts.accounts.PartnerJoined;
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
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * From the invitation e-mail to a partner who can sign in, against the real Keycloak, PostgreSQL,
 * Kafka and SMTP server; and every way a link can stop working.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
class InvitationIT {

  private static final String CHOSEN_PASSWORD = "my-own-password-42";

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    TestClinics.servers(registry);
  }

  @Autowired WebTestClient web;
  @Autowired DatabaseClient database;

  private record Invited(String clinician, String admin, CoupleView couple, String firstEmail, String secondEmail) {}

  private Invited enrol() {
    String admin = TestClinics.newClinic(web);
    String clinician = TestClinics.newClinician(web, admin);
    String first = "ari-" + UUID.randomUUID() + "@home.test";
    String second = "bo-" + UUID.randomUUID() + "@home.test";
    var couple = web.post().uri("/api/accounts/couples").headers(h -> h.setBearerAuth(token(clinician)))
        .bodyValue(Map.of("partners", List.of(TestClinics.partner(first, "Ari", "Europe/Berlin"), TestClinics.partner(second, "Bo", "Europe/Berlin"))))
        .exchange().expectStatus().isCreated().expectBody(CoupleView.class).returnResult().getResponseBody();
    return new Invited(clinician, admin, couple, first, second);
  }

  /** The token of the {@code count}-th invitation e-mail to {@code email}, as the person would click it. */
  private static String tokenFromMail(String email, int count) {
    var mail = TestInfrastructure.mail().awaitMessage(email, count, Duration.ofSeconds(30));
    String link = mail.link("http://localhost:8080/join/").orElseThrow();
    return link.substring(link.lastIndexOf('/') + 1);
  }

  private static Map<String, Object> answers() {
    var answers = new HashMap<String, Object>();
    answers.put("firstName", "Arianne");
    answers.put("lastName", "Moreau");
    answers.put("password", CHOSEN_PASSWORD);
    answers.put("timeZone", "America/Toronto");
    answers.put("reminderTime", "19:30");
    answers.put("quietHoursStart", "22:00");
    answers.put("quietHoursEnd", "07:00");
    answers.put("consentAccepted", true);
    answers.put("reflectionsVisibleToClinician", true);
    return answers;
  }

  private WebTestClient.ResponseSpec accept(String token, Map<String, Object> answers) {
    return web.post().uri("/api/accounts/invitations/{token}/acceptance", token).bodyValue(answers).exchange();
  }

  @Test
  void aPartnerJoinsThroughTheLinkInTheirEmailSignsInAndTheOtherServicesAreTold() {
    var invited = enrol();
    String token = tokenFromMail(invited.firstEmail(), 1);

    // Opening the link, without signing in: who invited them and to what.
    web.get().uri("/api/accounts/invitations/{token}", token).exchange().expectStatus().isOk().expectBody()
        .jsonPath("$.state").isEqualTo("OPEN")
        .jsonPath("$.clinicName").isEqualTo("Riverside Couples Clinic")
        .jsonPath("$.invitedBy").isEqualTo("Casey Clinician")
        .jsonPath("$.firstName").isEqualTo("Ari")
        .jsonPath("$.email").isEqualTo(invited.firstEmail());

    var joined = accept(token, answers()).expectStatus().isOk().expectBody(JoinedPartner.class).returnResult().getResponseBody();

    // The login exists in Keycloak with the chosen password, the partner role and the clinic.
    assertThat(TestInfrastructure.keycloakAdmin().findUser(invited.firstEmail())).contains(joined.partnerId());
    String accessToken = TestInfrastructure.keycloakAdmin().accessToken(invited.firstEmail(), CHOSEN_PASSWORD);
    var claims = JsonMapper.builder().build().readTree(new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]), StandardCharsets.UTF_8));
    assertThat(claims.get("sub").asString()).isEqualTo(joined.partnerId().toString());
    assertThat(claims.get("clinic_id").asString()).isEqualTo(invited.couple().clinicId().toString());
    assertThat(claims.get("realm_access").get("roles").toString()).contains("partner");
    web.get().uri("/api/accounts/me").headers(h -> h.setBearerAuth(accessToken)).exchange().expectStatus().isOk().expectBody()
        .jsonPath("$.coupleId").isEqualTo(invited.couple().id().toString())
        .jsonPath("$.firstName").isEqualTo("Arianne");

    // PartnerJoined carries their choices and no name or address.
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(TopicProbe.envelopes(Topics.ACCOUNTS_COUPLE, "coupleId", invited.couple().id(), Duration.ofSeconds(2)))
            .filteredOn(event -> event.eventType().equals("PartnerJoined"))
            .singleElement()
            .satisfies(event -> {
              var payload = new EventCodec().payload(event, PartnerJoined.class);
              assertThat(payload.partnerId()).isEqualTo(joined.partnerId());
              assertThat(payload.timeZone()).isEqualTo("America/Toronto");
              assertThat(payload.reminderTime()).isEqualTo(LocalTime.of(19, 30));
              assertThat(payload.reflectionsVisibleToClinician()).isTrue();
              assertThat(event.payload().toString()).doesNotContain(invited.firstEmail()).doesNotContain("Arianne");
            }));

    // The link is used now: opening it says so and shows nobody's details.
    web.get().uri("/api/accounts/invitations/{token}", token).exchange().expectStatus().isOk().expectBody()
        .jsonPath("$.state").isEqualTo("ACCEPTED")
        .jsonPath("$.clinicName").isEqualTo("Riverside Couples Clinic")
        .jsonPath("$.email").doesNotExist()
        .jsonPath("$.firstName").doesNotExist();
    // Accepting again (a retry after a lost reply) answers the same and makes no second login or event.
    var again = accept(token, answers()).expectStatus().isOk().expectBody(JoinedPartner.class).returnResult().getResponseBody();
    assertThat(again).isEqualTo(joined);
    assertThat(count("select count(*) from partner where email = '" + invited.firstEmail() + "'")).isEqualTo(1);
    // Long after, an old link answers only that it was used, naming nobody.
    database.sql("update invitation set accepted_at = now() - interval '1 day' where partner_id = :p").bind("p", joined.partnerId()).then().block();
    accept(token, answers()).expectStatus().isEqualTo(410).expectBody()
        .jsonPath("$.title").isEqualTo("This invitation has been used")
        .jsonPath("$.detail").value(detail -> assertThat((String) detail).doesNotContain(invited.firstEmail()));

    // The clinic sees one joined and one invited person.
    var couples = web.get().uri("/api/accounts/couples").headers(h -> h.setBearerAuth(token(invited.clinician()))).exchange()
        .expectStatus().isOk().expectBodyList(CoupleView.class).returnResult().getResponseBody();
    assertThat(couples).singleElement().satisfies(couple -> assertThat(couple.partners())
        .extracting(Invitee::state, Invitee::partnerId, Invitee::firstName)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(InvitationState.ACCEPTED, joined.partnerId(), "Arianne"),
            org.assertj.core.groups.Tuple.tuple(InvitationState.OPEN, null, "Bo")));
  }

  @Test
  void expiredAndReplacedLinksSaySoPlainlyAndOnlyTheCouplesClinicCanSendANewOne() {
    var invited = enrol();
    String oldToken = tokenFromMail(invited.firstEmail(), 1);
    database.sql("update invitation set expires_at = now() - interval '1 second' where email = :e").bind("e", invited.firstEmail()).then().block();

    web.get().uri("/api/accounts/invitations/{token}", oldToken).exchange().expectStatus().isOk().expectBody()
        .jsonPath("$.state").isEqualTo("EXPIRED").jsonPath("$.email").doesNotExist();
    accept(oldToken, answers()).expectStatus().isEqualTo(410).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.title").isEqualTo("This invitation has expired")
        .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("ask your clinic"));
    assertThat(TestInfrastructure.keycloakAdmin().findUser(invited.firstEmail())).isEmpty();

    UUID invitationId = invited.couple().partners().getFirst().invitationId();
    // Another clinician of the same clinic, and the admin of another clinic, cannot renew it.
    String otherClinician = TestClinics.newClinician(web, invited.admin());
    web.post().uri("/api/accounts/invitations/{id}/renewal", invitationId).headers(h -> h.setBearerAuth(token(otherClinician)))
        .exchange().expectStatus().isNotFound();
    String otherAdmin = TestClinics.newClinic(web);
    web.post().uri("/api/accounts/invitations/{id}/renewal", invitationId).headers(h -> h.setBearerAuth(token(otherAdmin)))
        .exchange().expectStatus().isNotFound();
    // Their own clinician can: a new e-mail with a new link that works for the full time.
    var renewed = web.post().uri("/api/accounts/invitations/{id}/renewal", invitationId).headers(h -> h.setBearerAuth(token(invited.clinician())))
        .exchange().expectStatus().isOk().expectBody(Invitee.class).returnResult().getResponseBody();
    assertThat(renewed.state()).isEqualTo(InvitationState.OPEN);
    assertThat(renewed.invitationId()).isNotEqualTo(invitationId);
    assertThat(count("select count(*) from audit_event where action = 'invitations.renew' and couple_id = '" + invited.couple().id() + "'"))
        .isEqualTo(1);
    String newToken = tokenFromMail(invited.firstEmail(), 2);
    assertThat(newToken).isNotEqualTo(oldToken);

    web.get().uri("/api/accounts/invitations/{token}", oldToken).exchange().expectStatus().isOk().expectBody()
        .jsonPath("$.state").isEqualTo("REVOKED");
    accept(oldToken, answers()).expectStatus().isEqualTo(410);
    accept(newToken, answers()).expectStatus().isOk();
    // Once joined, there is nothing to renew.
    web.post().uri("/api/accounts/invitations/{id}/renewal", renewed.invitationId()).headers(h -> h.setBearerAuth(token(invited.admin())))
        .exchange().expectStatus().isEqualTo(409);
  }

  @Test
  void badAnswersAndUnknownLinksAreRefusedAndChangeNothing() {
    var invited = enrol();
    String token = tokenFromMail(invited.firstEmail(), 1);

    var bad = answers();
    bad.put("password", "short");
    bad.put("consentAccepted", false);
    bad.put("reminderTime", "23:00");
    bad.put("timeZone", "Mars/Olympus");
    accept(token, bad).expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
            .contains("password must be 8 to 128 characters")
            .contains("that you have read and agree to what your clinician and your partner can see")
            .contains("reminder time falls in your quiet hours")
            .contains("time zone must be a place")
            .doesNotContain("short"));
    web.post().uri("/api/accounts/invitations/{token}/acceptance", token).contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"firstName\": 3, \"extra\": true}").exchange().expectStatus().isBadRequest();
    web.get().uri("/api/accounts/invitations/{token}", "not-a-token-we-made").exchange().expectStatus().isNotFound()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    accept("not-a-token-we-made", answers()).expectStatus().isNotFound();

    assertThat(TestInfrastructure.keycloakAdmin().findUser(invited.firstEmail())).isEmpty();
    web.get().uri("/api/accounts/invitations/{token}", token).exchange().expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("OPEN");
  }

  @Test
  void whenKeycloakHangsJoiningFailsWithARetryableProblemAndLeavesNothingHalfMade() {
    var invited = enrol();
    String token = tokenFromMail(invited.firstEmail(), 1);

    TestInfrastructure.keycloak().hang();
    try {
      accept(token, answers()).expectStatus().isEqualTo(503).expectHeader().exists("Retry-After")
          .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("try again"));
    } finally {
      TestInfrastructure.keycloak().resume();
    }
    assertThat(count("select count(*) from partner where email = '" + invited.firstEmail() + "'")).isZero();
    web.get().uri("/api/accounts/invitations/{token}", token).exchange().expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("OPEN");

    // The request may still have reached Keycloak before it hung: the retry takes that login over
    // instead of failing on "already exists", and the person ends up with exactly one login.
    accept(token, answers()).expectStatus().isOk();
    assertThat(TestInfrastructure.keycloakAdmin().findUser(invited.firstEmail())).isPresent();
    TestInfrastructure.keycloakAdmin().accessToken(invited.firstEmail(), CHOSEN_PASSWORD);
  }

  @Test
  void whenStoringThePartnerFailsTheLoginJustCreatedIsRemovedAgain() {
    var invited = enrol();
    String token = tokenFromMail(invited.secondEmail(), 1);
    // A real failure inside PostgreSQL, after Keycloak has made the login.
    String trigger = "refuse_" + UUID.randomUUID().toString().replace("-", "");
    database.sql("create function " + trigger + "() returns trigger language plpgsql as $$ begin if new.email = '"
        + invited.secondEmail() + "' then raise exception 'refused by test'; end if; return new; end $$").then().block();
    database.sql("create trigger " + trigger + " before insert on partner for each row execute function " + trigger + "()").then().block();
    try {
      accept(token, answers()).expectStatus().is5xxServerError().expectBody().jsonPath("$.detail").value(detail ->
          assertThat((String) detail).contains("nothing was changed").doesNotContain("refused by test"));
    } finally {
      database.sql("drop trigger " + trigger + " on partner").then().block();
      database.sql("drop function " + trigger + "()").then().block();
    }

    assertThat(TestInfrastructure.keycloakAdmin().findUser(invited.secondEmail())).isEmpty();
    assertThat(count("select count(*) from partner where email = '" + invited.secondEmail() + "'")).isZero();
    accept(token, answers()).expectStatus().isOk();
  }

  private long count(String sql) {
    return database.sql(sql).map(row -> row.get(0, Long.class)).one().block();
  }
}
