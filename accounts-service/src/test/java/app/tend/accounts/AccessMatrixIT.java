package app.tend.accounts;

import static app.tend.accounts.TestClinics.token;
import static org.assertj.core.api.Assertions.assertThat;

import app.tend.accounts.couple.CoupleView;
import app.tend.testkit.TestInfrastructure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every accounts endpoint against every kind of caller, with real Keycloak tokens: only the cells
 * marked allowed succeed; everyone else gets 404 (so ids do not leak) or, without a token, 401.
 * Where another clinic's admin is allowed, it is to their own clinic, and nothing of this clinic
 * shows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    TestClinics.servers(registry);
  }

  @Autowired WebTestClient web;

  private static final String PARTNER_PASSWORD = "partner-password-1";

  /** Who calls; null token means no Authorization header at all. */
  private final Map<String, String> callers = new LinkedHashMap<>();
  private String adminA;
  private UUID clinicianId;
  private CoupleView couple;
  private String acceptedToken;
  private UUID openInvitation;
  private UUID spareClinic;

  @BeforeAll
  void clinicsCouplesAndPartners() {
    adminA = TestClinics.newClinic(web);
    String clinician = TestClinics.newClinician(web, adminA);
    clinicianId = TestInfrastructure.keycloakAdmin().findUser(clinician).orElseThrow();
    String adminB = TestClinics.newClinic(web);
    String first = "first-" + UUID.randomUUID() + "@home.test";
    String second = "second-" + UUID.randomUUID() + "@home.test";
    couple = web.post().uri("/api/accounts/couples").headers(h -> h.setBearerAuth(token(clinician)))
        .bodyValue(Map.of("partners", List.of(TestClinics.partner(first, "Ari", "Europe/Berlin"), TestClinics.partner(second, "Bo", "Europe/Berlin"))))
        .exchange().expectStatus().isCreated().expectBody(CoupleView.class).returnResult().getResponseBody();
    acceptedToken = join(first);
    join(second);
    // A third person, invited but not joined, whose invitation can be renewed.
    var pending = web.post().uri("/api/accounts/couples").headers(h -> h.setBearerAuth(token(clinician)))
        .bodyValue(Map.of("partners", List.of(TestClinics.partner("p-" + UUID.randomUUID() + "@home.test", "Cy", "Europe/Berlin"),
            TestClinics.partner("q-" + UUID.randomUUID() + "@home.test", "Di", "Europe/Berlin"))))
        .exchange().expectStatus().isCreated().expectBody(CoupleView.class).returnResult().getResponseBody();
    openInvitation = pending.partners().getFirst().invitationId();
    String spareAdmin = TestClinics.newClinic(web);
    spareClinic = UUID.fromString((String) web.get().uri("/api/accounts/me").headers(h -> h.setBearerAuth(token(spareAdmin))).exchange()
        .expectBody(Map.class).returnResult().getResponseBody().get("clinicId"));

    callers.put("platform admin", TestInfrastructure.keycloakAdmin().accessToken("operator@tend.local", "tend-operator"));
    callers.put("clinic admin of this clinic", token(adminA));
    callers.put("clinic admin of another clinic", token(adminB));
    callers.put("the couple's clinician", token(clinician));
    callers.put("partner", TestInfrastructure.keycloakAdmin().accessToken(first, PARTNER_PASSWORD));
    callers.put("the other partner", TestInfrastructure.keycloakAdmin().accessToken(second, PARTNER_PASSWORD));
    callers.put("anonymous", null);
  }

  private String join(String email) {
    return TestClinics.join(web, email, PARTNER_PASSWORD);
  }

  /** One endpoint: how to call it, and which callers may. */
  private record Endpoint(String name, HttpMethod method, Function<AccessMatrixIT, String> uri, Function<AccessMatrixIT, Object> body,
                          List<String> allowed, int allowedStatus) {
    Endpoint(String name, HttpMethod method, Function<AccessMatrixIT, String> uri, Function<AccessMatrixIT, Object> body, List<String> allowed) {
      this(name, method, uri, body, allowed, 200);
    }
  }

  private static Map<String, Object> newPerson() {
    return Map.of("email", "new-" + UUID.randomUUID() + "@clinic.test", "firstName", "New", "lastName", "Person");
  }

  private static Map<String, Object> newCouple(UUID clinicianId) {
    var body = new LinkedHashMap<String, Object>();
    if (clinicianId != null) {
      body.put("clinicianId", clinicianId);
    }
    body.put("partners", List.of(TestClinics.partner("m-" + UUID.randomUUID() + "@home.test", "Mo", "Europe/Berlin"),
        TestClinics.partner("n-" + UUID.randomUUID() + "@home.test", "No", "Europe/Berlin")));
    return body;
  }

  private static final String PLATFORM = "platform admin";
  private static final String ADMIN = "clinic admin of this clinic";
  private static final String OTHER_ADMIN = "clinic admin of another clinic";
  private static final String CLINICIAN = "the couple's clinician";
  private static final String PARTNER = "partner";
  private static final String OTHER_PARTNER = "the other partner";
  private static final String ANONYMOUS = "anonymous";

  private final List<Endpoint> endpoints = List.of(
      new Endpoint("create a clinic", HttpMethod.POST, t -> "/api/accounts/clinics",
          t -> Map.of("name", "Another Clinic", "timeZone", "Europe/Berlin", "admin", newPerson()), List.of(PLATFORM)),
      new Endpoint("list clinics", HttpMethod.GET, t -> "/api/accounts/clinics", t -> null, List.of(PLATFORM)),
      new Endpoint("deactivate a clinic", HttpMethod.POST, t -> "/api/accounts/clinics/" + t.spareClinic + "/deactivation", t -> null,
          List.of(PLATFORM)),
      new Endpoint("add a clinician", HttpMethod.POST, t -> "/api/accounts/clinicians", t -> newPerson(), List.of(ADMIN, OTHER_ADMIN)),
      new Endpoint("rename a clinician", HttpMethod.PUT, t -> "/api/accounts/clinicians/" + t.clinicianId,
          t -> Map.of("firstName", "Casey", "lastName", "Clinician"), List.of(ADMIN)),
      // The couple's clinician still has couples: the admin reaches the rule that refuses (409), nobody else gets that far.
      new Endpoint("deactivate a clinician", HttpMethod.POST, t -> "/api/accounts/clinicians/" + t.clinicianId + "/deactivation", t -> null,
          List.of(ADMIN), 409),
      new Endpoint("assign a couple's clinician", HttpMethod.PUT, t -> "/api/accounts/couples/" + t.couple.id() + "/clinician",
          t -> Map.of("clinicianId", t.clinicianId), List.of(ADMIN)),
      new Endpoint("read clinic settings", HttpMethod.GET, t -> "/api/accounts/clinic/settings", t -> null, List.of(ADMIN, OTHER_ADMIN)),
      new Endpoint("change clinic settings", HttpMethod.PUT, t -> "/api/accounts/clinic/settings",
          t -> Map.of("defaultReminderTime", "20:00", "defaultQuietHoursStart", "22:00", "defaultQuietHoursEnd", "07:00",
              "alertTrendDrop", 1.0, "alertDaysWithoutCheckin", 4, "measureEveryDays", 7, "crisisContacts", ""),
          List.of(ADMIN, OTHER_ADMIN)),
      new Endpoint("list clinicians", HttpMethod.GET, t -> "/api/accounts/clinicians", t -> null, List.of(ADMIN, OTHER_ADMIN, CLINICIAN)),
      // The body names this clinic's clinician: another clinic's admin must not reach them.
      new Endpoint("enrol a couple", HttpMethod.POST, t -> "/api/accounts/couples", t -> newCouple(t.clinicianId), List.of(ADMIN, CLINICIAN)),
      new Endpoint("list couples", HttpMethod.GET, t -> "/api/accounts/couples", t -> null, List.of(ADMIN, OTHER_ADMIN, CLINICIAN)),
      new Endpoint("search the audit log", HttpMethod.GET, t -> "/api/accounts/audit", t -> null, List.of(ADMIN, OTHER_ADMIN)),
      new Endpoint("who am I", HttpMethod.GET, t -> "/api/accounts/me", t -> null,
          List.of(PLATFORM, ADMIN, OTHER_ADMIN, CLINICIAN, PARTNER, OTHER_PARTNER)),
      new Endpoint("read my settings", HttpMethod.GET, t -> "/api/accounts/me/settings", t -> null, List.of(PARTNER, OTHER_PARTNER)),
      new Endpoint("change my settings", HttpMethod.PUT, t -> "/api/accounts/me/settings",
          t -> Map.of("firstName", "Pat", "lastName", "Partner", "timeZone", "Europe/Berlin", "reminderTime", "20:00",
              "quietHoursStart", "22:00", "quietHoursEnd", "07:00", "mutedNotifications", List.of()),
          List.of(PARTNER, OTHER_PARTNER)),
      new Endpoint("change my consent", HttpMethod.PUT, t -> "/api/accounts/me/consent", t -> Map.of("reflectionsVisibleToClinician", false),
          List.of(PARTNER, OTHER_PARTNER)),
      new Endpoint("read my clinic's crisis contacts", HttpMethod.GET, t -> "/api/accounts/me/support", t -> null,
          List.of(PARTNER, OTHER_PARTNER)),
      new Endpoint("download my data", HttpMethod.GET, t -> "/api/accounts/me/export", t -> null, List.of(PARTNER, OTHER_PARTNER)),
      // Unconfirmed on purpose: a partner reaches the rule that asks for confirmation (400), nobody else gets that far.
      new Endpoint("erase my account", HttpMethod.POST, t -> "/api/accounts/me/erasure", t -> Map.of("confirmed", false),
          List.of(PARTNER, OTHER_PARTNER), 400),
      new Endpoint("renew an invitation", HttpMethod.POST, t -> "/api/accounts/invitations/" + t.openInvitation + "/renewal", t -> null,
          List.of(ADMIN, CLINICIAN)),
      // Opening and accepting a link: the link is the credential, whoever holds it.
      new Endpoint("open an invitation link", HttpMethod.GET, t -> "/api/accounts/invitations/" + t.acceptedToken, t -> null,
          List.of(PLATFORM, ADMIN, OTHER_ADMIN, CLINICIAN, PARTNER, OTHER_PARTNER, ANONYMOUS)),
      new Endpoint("accept an invitation (again)", HttpMethod.POST, t -> "/api/accounts/invitations/" + t.acceptedToken + "/acceptance",
          t -> Map.of("firstName", "Pat", "lastName", "Partner", "password", PARTNER_PASSWORD, "timeZone", "Europe/Berlin",
              "reminderTime", "20:00", "quietHoursStart", "22:00", "quietHoursEnd", "07:00", "consentAccepted", true,
              "reflectionsVisibleToClinician", false),
          List.of(PLATFORM, ADMIN, OTHER_ADMIN, CLINICIAN, PARTNER, OTHER_PARTNER, ANONYMOUS)));

  @TestFactory
  Stream<DynamicTest> onlyTheAllowedCellsSucceed() {
    List<DynamicTest> cells = new ArrayList<>();
    for (Endpoint endpoint : endpoints) {
      for (var caller : callers.entrySet()) {
        boolean allowed = endpoint.allowed().contains(caller.getKey());
        int expected = allowed ? endpoint.allowedStatus() : caller.getValue() == null ? 401 : 404;
        cells.add(DynamicTest.dynamicTest(endpoint.name() + " × " + caller.getKey() + " → " + expected, () -> {
          var request = web.method(endpoint.method()).uri(endpoint.uri().apply(this));
          if (caller.getValue() != null) {
            request.headers(h -> h.setBearerAuth(caller.getValue()));
          }
          var body = endpoint.body().apply(this);
          var response = (body == null ? request.exchange() : request.bodyValue(body).exchange())
              .expectBody(String.class).returnResult();
          if (allowed && expected == 200) {
            assertThat(response.getStatus().is2xxSuccessful()).as(describe(response)).isTrue();
            nothingOfThisClinicFor(caller.getKey(), response.getResponseBody());
          } else {
            assertThat(response.getStatus().value()).as(describe(response)).isEqualTo(expected);
            assertThat(response.getResponseHeaders().getContentType()).hasToString("application/problem+json");
          }
        }));
      }
    }
    return cells.stream();
  }

  /** An admin of another clinic may use the endpoint, but only ever sees their own clinic. */
  private void nothingOfThisClinicFor(String caller, String body) {
    if (caller.equals(OTHER_ADMIN) && body != null) {
      assertThat(body).doesNotContain(couple.clinicId().toString()).doesNotContain(couple.id().toString())
          .doesNotContain(clinicianId.toString());
    }
  }

  private static String describe(EntityExchangeResult<String> response) {
    return response.getMethod() + " " + response.getUrl().getPath() + " answered " + response.getStatus() + ": " + response.getResponseBody();
  }
}
