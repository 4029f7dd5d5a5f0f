package app.tend.accounts;

import app.tend.testkit.TendTestProperties;
import app.tend.testkit.TestInfrastructure;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Clinics and staff made through accounts-service's own API, as the platform operator and clinic
 * admins make them; only their passwords are set directly in Keycloak.
 */
public final class TestClinics {

  public static final String PASSWORD = "a-test-password-1";

  private TestClinics() {}

  /** accounts-service under test against this JVM's real PostgreSQL, Kafka, Keycloak and SMTP server. */
  public static void servers(DynamicPropertyRegistry registry) {
    TendTestProperties.postgres(registry, "accounts");
    TendTestProperties.retention(registry);
    TendTestProperties.kafka(registry);
    TendTestProperties.keycloak(registry);
    TendTestProperties.mail(registry);
  }

  /** A fresh access token of a person made here. */
  public static String token(String email) {
    return TestInfrastructure.keycloakAdmin().accessToken(email, PASSWORD);
  }

  /** Creates a clinic as the platform operator; answers its admin's e-mail address. */
  public static String newClinic(WebTestClient web) {
    String admin = "admin-" + UUID.randomUUID() + "@clinic.test";
    String operator = TestInfrastructure.keycloakAdmin().accessToken("operator@tend.local", "tend-operator");
    var created = web.post().uri("/api/accounts/clinics").headers(h -> h.setBearerAuth(operator))
        .bodyValue(Map.of("name", "Riverside Couples Clinic", "timeZone", "Europe/Berlin",
            "admin", Map.of("email", admin, "firstName", "Ada", "lastName", "Admin")))
        .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    TestInfrastructure.keycloakAdmin().setPassword(UUID.fromString((String) created.get("adminId")), PASSWORD);
    return admin;
  }

  /** Adds a clinician named Casey Clinician as the clinic admin; answers their e-mail address. */
  public static String newClinician(WebTestClient web, String adminEmail) {
    String email = "clinician-" + UUID.randomUUID() + "@clinic.test";
    var created = web.post().uri("/api/accounts/clinicians").headers(h -> h.setBearerAuth(token(adminEmail)))
        .bodyValue(Map.of("email", email, "firstName", "Casey", "lastName", "Clinician"))
        .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    TestInfrastructure.keycloakAdmin().setPassword(UUID.fromString((String) created.get("id")), PASSWORD);
    return email;
  }

  /** Joins through the invitation e-mailed to {@code email}, as the person would; answers the link's token. */
  public static String join(WebTestClient web, String email, String password) {
    var link = TestInfrastructure.mail().awaitMessage(email, 1, Duration.ofSeconds(30)).link("http://localhost:8080/join/").orElseThrow();
    String token = link.substring(link.lastIndexOf('/') + 1);
    web.post().uri("/api/accounts/invitations/{t}/acceptance", token)
        .bodyValue(Map.of("firstName", "Pat", "lastName", "Partner", "password", password, "timeZone", "Europe/Berlin",
            "reminderTime", "20:00", "quietHoursStart", "22:00", "quietHoursEnd", "07:00", "consentAccepted", true,
            "reflectionsVisibleToClinician", false))
        .exchange().expectStatus().isOk();
    return token;
  }

  /** One partner of an enrolment request. */
  public static Map<String, Object> partner(String email, String firstName, String zone) {
    return Map.of("person", Map.of("email", email, "firstName", firstName, "lastName", "Partner"), "timeZone", zone);
  }
}
