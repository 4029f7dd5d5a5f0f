package app.tend.infra.stack;

import app.tend.infra.servers.EmbeddedMailServer;
import app.tend.infra.servers.KeycloakAdmin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A clinic with an admin, a clinician and three couples with four weeks of check-ins and a first
 * relationship measure (so the clinic's outcomes have a group large enough to show), loaded the way
 * real people would create it: through the gateway and the services' APIs. Partners join through
 * the link in their invitation e-mail, read from the mail server, as a person would. Only the
 * staff's demo passwords are set directly in Keycloak (staff have no invitation yet).
 */
public final class DemoData {

  public static final String CLINIC = "Riverside Couples Clinic";
  public static final String PASSWORD = "tend-demo";
  public static final String OPERATOR = "operator@tend.local";
  public static final String OPERATOR_PASSWORD = "tend-operator";

  /** Who can sign in, for the README's demo logins and the start-up banner. */
  public static final List<String[]> LOGINS = List.of(
      new String[] {"alex@riverside.demo", PASSWORD, "partner (with Jordan), Europe/Berlin"},
      new String[] {"jordan@riverside.demo", PASSWORD, "partner (with Alex), Europe/Berlin"},
      new String[] {"sam@riverside.demo", PASSWORD, "partner (with Riley), America/New_York"},
      new String[] {"riley@riverside.demo", PASSWORD, "partner (with Sam), America/New_York"},
      new String[] {"priya@riverside.demo", PASSWORD, "partner (with Tom), Europe/London"},
      new String[] {"tom@riverside.demo", PASSWORD, "partner (with Priya), Europe/London"},
      new String[] {"maya.okafor@riverside.demo", PASSWORD, "clinician of all three couples"},
      new String[] {"admin@riverside.demo", PASSWORD, "clinic admin"},
      new String[] {OPERATOR, OPERATOR_PASSWORD, "platform admin"});

  /** Reads the invitation link sent to an address, waiting for it to arrive. */
  @FunctionalInterface
  public interface Inbox {
    String invitationLink(String email);
  }

  private final String gateway;
  private final KeycloakAdmin keycloak;
  private final Inbox inbox;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final JsonMapper json = JsonMapper.builder().build();

  public DemoData(String gatewayUrl, KeycloakAdmin keycloak, Inbox inbox) {
    this.gateway = gatewayUrl;
    this.keycloak = keycloak;
    this.inbox = inbox;
  }

  /** An inbox on the embedded mail server: the latest message to the address that has a join link. */
  public static Inbox inboxOf(EmbeddedMailServer mail) {
    return email -> {
      var message = mail.awaitMessage(email, 1, Duration.ofMinutes(1));
      return message.link("http").filter(link -> link.contains("/join/"))
          .orElseThrow(() -> new IllegalStateException("the invitation to " + email + " has no join link"));
    };
  }

  /** True when the demo clinic exists already (data is kept between runs). */
  public boolean isLoaded() {
    var clinics = call("GET", "/api/accounts/clinics", operator(), null, 200);
    for (JsonNode clinic : clinics) {
      if (CLINIC.equals(clinic.get("name").asString())) {
        return true;
      }
    }
    return false;
  }

  public void load() {
    String operator = operator();
    var clinic = call("POST", "/api/accounts/clinics", operator, Map.of("name", CLINIC, "timeZone", "Europe/Berlin",
        "admin", person("admin@riverside.demo", "Noor", "Haddad")), 201);
    keycloak.setPassword(UUID.fromString(clinic.get("adminId").asString()), PASSWORD);
    String admin = keycloak.accessToken("admin@riverside.demo", PASSWORD);
    var settings = new java.util.LinkedHashMap<String, Object>(Map.of("defaultReminderTime", "20:00", "defaultQuietHoursStart", "22:00",
        "defaultQuietHoursEnd", "07:00", "alertTrendDrop", 1.0, "alertDaysWithoutCheckin", 4, "measureEveryDays", 7));
    settings.put("crisisContacts", "Riverside on-call line, day and night: 030 555 0199\n"
        + "Violence against women helpline (free, anonymous, 24 h): 116 016");
    call("PUT", "/api/accounts/clinic/settings", admin, settings, 200);

    var clinician = call("POST", "/api/accounts/clinicians", admin, person("maya.okafor@riverside.demo", "Maya", "Okafor"), 201);
    keycloak.setPassword(UUID.fromString(clinician.get("id").asString()), PASSWORD);
    String maya = keycloak.accessToken("maya.okafor@riverside.demo", PASSWORD);

    var couples = List.of(
        enrol(maya, partner("alex@riverside.demo", "Alex", "Moreno", "Europe/Berlin"), partner("jordan@riverside.demo", "Jordan", "Moreno", "Europe/Berlin")),
        enrol(maya, partner("sam@riverside.demo", "Sam", "Lee", "America/New_York"), partner("riley@riverside.demo", "Riley", "Park", "America/New_York")),
        enrol(maya, partner("priya@riverside.demo", "Priya", "Shah", "Europe/London"), partner("tom@riverside.demo", "Tom", "Shah", "Europe/London")));
    var random = new Random(20261130L);
    for (JsonNode couple : couples) {
      for (JsonNode partner : couple.get("partners")) {
        String zone = partner.get("timeZone").asString();
        UUID id = join(partner.get("email").asString(), partner.get("firstName").asString(), partner.get("lastName").asString(), zone);
        importHistory(operator, id, ZoneId.of(zone), random);
      }
    }
    commitments();
    relationshipMeasure();
  }

  /** A couple that {@link #clinicWithCouples} enrolled, both partners joined. */
  public record JoinedCouple(UUID coupleId, String firstEmail, UUID firstId, String secondEmail, UUID secondId) {}

  /**
   * Where {@link #clinicWithCouples}'s clinic and partners live: on UTC all year (no daylight saving),
   * yet a place, as Tend asks for.
   */
  public static final ZoneId LOAD_ZONE = ZoneId.of("Atlantic/Reykjavik");

  /** A clinic that {@link #clinicWithCouples} made, and its couples. */
  public record ClinicWithCouples(UUID clinicId, List<JoinedCouple> couples) {}

  /**
   * A clinic of its own, in {@link #LOAD_ZONE}, with a clinician and {@code count} couples whose partners have
   * joined through their invitation e-mails: load for the chaos run and the benchmarks, kept apart
   * from the demo clinic. Addresses are {@code p<n>a@<domain>} and {@code p<n>b@<domain>}; every
   * password is {@link #PASSWORD}.
   */
  public ClinicWithCouples clinicWithCouples(String name, String domain, int count) {
    var clinic = call("POST", "/api/accounts/clinics", operator(), Map.of("name", name, "timeZone", LOAD_ZONE.getId(),
        "admin", person("admin@" + domain, "Ada", "Admin")), 201);
    keycloak.setPassword(UUID.fromString(clinic.get("adminId").asString()), PASSWORD);
    String admin = keycloak.accessToken("admin@" + domain, PASSWORD);
    var clinician = call("POST", "/api/accounts/clinicians", admin, person("clinician@" + domain, "Cleo", "Clinician"), 201);
    keycloak.setPassword(UUID.fromString(clinician.get("id").asString()), PASSWORD);
    String clinicianToken = keycloak.accessToken("clinician@" + domain, PASSWORD);
    List<JoinedCouple> couples = new ArrayList<>();
    for (int n = 1; n <= count; n++) {
      String first = "p" + n + "a@" + domain;
      String second = "p" + n + "b@" + domain;
      String zone = LOAD_ZONE.getId();
      var couple = enrol(clinicianToken, partner(first, "Partner", n + "A", zone), partner(second, "Partner", n + "B", zone));
      couples.add(new JoinedCouple(UUID.fromString(couple.get("id").asString()),
          first, join(first, "Partner", n + "A", zone), second, join(second, "Partner", n + "B", zone)));
    }
    return new ClinicWithCouples(UUID.fromString(clinic.get("clinic").get("id").asString()), couples);
  }

  /**
   * Four weeks of history for every partner of {@code clinic}, as the demo couples have, so that a
   * caseload and the trends read what a clinic in use would hold. Needs checkin-service's history
   * import ({@code TEND_HISTORY_IMPORT_ENABLED}).
   */
  public void importHistory(ClinicWithCouples clinic) {
    String operator = operator();
    var random = new Random(20261201L);
    for (JoinedCouple couple : clinic.couples()) {
      importHistory(operator, couple.firstId(), LOAD_ZONE, random);
      importHistory(operator, couple.secondId(), LOAD_ZONE, random);
    }
  }

  /** A first CSI-4 from some partners, through their own API: two of them below its cut-off of 13.5. */
  private void relationshipMeasure() {
    var answers = Map.of(
        "alex@riverside.demo", List.of(3, 3, 3, 4),
        "jordan@riverside.demo", List.of(4, 4, 4, 4),
        "sam@riverside.demo", List.of(2, 2, 3, 3),
        "priya@riverside.demo", List.of(5, 4, 4, 4));
    answers.forEach((email, values) -> call("POST", "/api/checkins/measures/csi-4/responses", keycloak.accessToken(email, PASSWORD),
        Map.of("answers", Map.of("1", values.get(0), "2", values.get(1), "3", values.get(2), "4", values.get(3))), 201));
  }

  /** A commitment each way for Alex and Jordan, one of them marked and noticed today, through the partners' own API. */
  private void commitments() {
    String alex = keycloak.accessToken("alex@riverside.demo", PASSWORD);
    String jordan = keycloak.accessToken("jordan@riverside.demo", PASSWORD);
    var daily = call("POST", "/api/checkins/commitments", alex, Map.of("words", "call if I'm running late",
        "schedule", Map.of("kind", "DAILY", "time", "18:00")), 201);
    call("POST", "/api/checkins/commitments", jordan, Map.of("words", "plan a walk for the two of us",
        "schedule", Map.of("kind", "WEEKLY", "time", "12:00", "dayOfWeek", "SUNDAY")), 201);
    String days = "/api/checkins/commitments/" + daily.get("id").asString() + "/days/" + LocalDate.now(ZoneId.of("Europe/Berlin"));
    call("PUT", days + "/mark", alex, Map.of("kept", true), 200);
    call("PUT", days + "/answer", jordan, Map.of("noticed", true), 200);
  }

  /** Opens the invitation e-mail's link and joins, as the partner would on the join page. */
  private UUID join(String email, String firstName, String lastName, String zone) {
    String link = inbox.invitationLink(email);
    String token = link.substring(link.lastIndexOf('/') + 1);
    var joined = call("POST", "/api/accounts/invitations/" + token + "/acceptance", null, Map.of(
        "firstName", firstName, "lastName", lastName, "password", PASSWORD, "timeZone", zone,
        "reminderTime", "20:00", "quietHoursStart", "22:00", "quietHoursEnd", "07:00",
        "consentAccepted", true, "reflectionsVisibleToClinician", firstName.equals("Alex") || firstName.equals("Sam")), 200);
    return UUID.fromString(joined.get("partnerId").asString());
  }

  private JsonNode enrol(String clinician, Map<String, Object> first, Map<String, Object> second) {
    return call("POST", "/api/accounts/couples", clinician, Map.of("partners", List.of(first, second)), 201);
  }

  /**
   * Four weeks of plausible practice: most days checked in, ratings that drift slowly, one harder
   * week. Waits until checkin-service has heard of the couple (it learns of it through Kafka).
   */
  private void importHistory(String operator, UUID partnerId, ZoneId zone, Random random) {
    LocalDate today = LocalDate.now(zone);
    List<Map<String, Object>> days = new ArrayList<>();
    double level = 2.2 + random.nextDouble();
    for (int back = 28; back >= 1; back--) {
      LocalDate day = today.minusDays(back);
      boolean harderWeek = back >= 15 && back <= 19;
      level = Math.max(0.5, Math.min(3.8, level + (random.nextDouble() - 0.45) * 0.4 - (harderWeek ? 0.25 : 0)));
      if (random.nextDouble() < (harderWeek ? 0.55 : 0.85)) {
        days.add(Map.of("day", day.toString(),
            "followThrough", rating(level, random), "empathicListening", rating(level - 0.3, random),
            "honesty", rating(level + 0.4, random), "mattering", rating(level, random),
            "connected", Math.max(1, Math.min(5, rating(level, random) + 1))));
      }
    }
    var request = Map.of("partnerId", partnerId.toString(), "checkins", days);
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (true) {
      var response = send("POST", "/api/checkins/imports", operator, request);
      if (response.statusCode() == 200) {
        return;
      }
      if (response.statusCode() != 404 || System.nanoTime() > deadline) {
        throw new IllegalStateException("importing demo history failed: HTTP " + response.statusCode() + " " + response.body());
      }
      sleep(500);
    }
  }

  private static int rating(double level, Random random) {
    return (int) Math.max(0, Math.min(4, Math.round(level + random.nextGaussian() * 0.7)));
  }

  private static Map<String, Object> person(String email, String first, String last) {
    return Map.of("email", email, "firstName", first, "lastName", last);
  }

  private static Map<String, Object> partner(String email, String first, String last, String zone) {
    return Map.of("person", person(email, first, last), "timeZone", zone);
  }

  private String operator() {
    return keycloak.accessToken(OPERATOR, OPERATOR_PASSWORD);
  }

  private JsonNode call(String method, String path, String token, Object body, int expected) {
    var response = send(method, path, token, body);
    if (response.statusCode() != expected) {
      throw new IllegalStateException(method + " " + path + " answered HTTP " + response.statusCode() + ": " + response.body());
    }
    return json.readTree(response.body());
  }

  private HttpResponse<String> send(String method, String path, String token, Object body) {
    var request = HttpRequest.newBuilder(URI.create(gateway + path))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    request
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
