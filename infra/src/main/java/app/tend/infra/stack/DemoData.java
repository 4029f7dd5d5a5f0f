package app.tend.infra.stack;

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
 * A clinic with an admin, a clinician and two couples with four weeks of check-ins, loaded the way
 * real people would create it: through the gateway and the services' APIs. Only the demo passwords
 * are set directly in Keycloak, where an invitation would let each person choose their own.
 */
public final class DemoData {

  public static final String CLINIC = "Riverside Couples Clinic";
  public static final String PASSWORD = "tend-demo";
  public static final String OPERATOR = "operator@tend.local";
  public static final String OPERATOR_PASSWORD = "tend-operator";

  /** Who can sign in, for the README and the start-up banner. */
  public static final List<String[]> LOGINS = List.of(
      new String[] {"alex@riverside.demo", PASSWORD, "partner (with Jordan), Europe/Berlin"},
      new String[] {"jordan@riverside.demo", PASSWORD, "partner (with Alex), Europe/Berlin"},
      new String[] {"sam@riverside.demo", PASSWORD, "partner (with Riley), America/New_York"},
      new String[] {"riley@riverside.demo", PASSWORD, "partner (with Sam), America/New_York"},
      new String[] {"maya.okafor@riverside.demo", PASSWORD, "clinician of both couples"},
      new String[] {"admin@riverside.demo", PASSWORD, "clinic admin"},
      new String[] {OPERATOR, OPERATOR_PASSWORD, "platform admin"});

  private final String gateway;
  private final KeycloakAdmin keycloak;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final JsonMapper json = JsonMapper.builder().build();

  public DemoData(String gatewayUrl, KeycloakAdmin keycloak) {
    this.gateway = gatewayUrl;
    this.keycloak = keycloak;
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

    var clinician = call("POST", "/api/accounts/clinicians", admin, person("maya.okafor@riverside.demo", "Maya", "Okafor"), 201);
    keycloak.setPassword(UUID.fromString(clinician.get("id").asString()), PASSWORD);
    String maya = keycloak.accessToken("maya.okafor@riverside.demo", PASSWORD);

    var couples = List.of(
        enrol(maya, partner("alex@riverside.demo", "Alex", "Moreno", "Europe/Berlin"), partner("jordan@riverside.demo", "Jordan", "Moreno", "Europe/Berlin")),
        enrol(maya, partner("sam@riverside.demo", "Sam", "Lee", "America/New_York"), partner("riley@riverside.demo", "Riley", "Park", "America/New_York")));
    var random = new Random(20261130L);
    for (JsonNode couple : couples) {
      for (JsonNode partner : couple.get("partners")) {
        UUID id = UUID.fromString(partner.get("id").asString());
        keycloak.setPassword(id, PASSWORD);
        importHistory(operator, id, ZoneId.of(partner.get("timeZone").asString()), random);
      }
    }
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
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
        .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
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
