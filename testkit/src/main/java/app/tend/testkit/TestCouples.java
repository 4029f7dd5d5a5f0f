package app.tend.testkit;

import app.tend.contracts.accounts.CoupleEnrolled;
import app.tend.contracts.accounts.PartnerJoined;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * Couples with real Keycloak logins, enrolled the way accounts-service announces it: a
 * {@code CoupleEnrolled} and a {@code PartnerJoined} for each partner, on the real broker.
 */
public final class TestCouples {

  public static final String PASSWORD = "a-test-password-1";

  private TestCouples() {}

  /** A login of a test couple. */
  public record Login(UUID id, String email) {
    /** A fresh access token from the real Keycloak. */
    public String token() {
      return TestInfrastructure.keycloakAdmin().accessToken(email, PASSWORD);
    }
  }

  /** A couple at a clinic and its clinician. */
  public record Couple(UUID clinicId, UUID coupleId, Login clinician, Login first, Login second) {}

  /** Creates the logins and publishes the enrolment; partners live in {@code timeZone}. */
  public static Couple enrol(UUID clinicId, String timeZone) {
    var admin = TestInfrastructure.keycloakAdmin();
    String tag = UUID.randomUUID().toString().substring(0, 8);
    var clinician = login(admin.createUser("clinician-" + tag + "@test.tend", "Casey", "Clinician", PASSWORD, clinicId, List.of("clinician")), "clinician-" + tag);
    var first = login(admin.createUser("first-" + tag + "@test.tend", "Ari", "First", PASSWORD, clinicId, List.of("partner")), "first-" + tag);
    var second = login(admin.createUser("second-" + tag + "@test.tend", "Bo", "Second", PASSWORD, clinicId, List.of("partner")), "second-" + tag);
    UUID coupleId = UUID.randomUUID();
    TopicProbe.publish(new CoupleEnrolled(coupleId, clinicId, clinician.id()), clinicId, coupleId);
    for (Login partner : List.of(first, second)) {
      TopicProbe.publish(new PartnerJoined(coupleId, clinicId, partner.id(), timeZone, LocalTime.of(20, 0), LocalTime.of(22, 0),
          LocalTime.of(7, 0), false), clinicId, coupleId);
    }
    return new Couple(clinicId, coupleId, clinician, first, second);
  }

  private static Login login(UUID id, String localPart) {
    return new Login(id, localPart + "@test.tend");
  }
}
