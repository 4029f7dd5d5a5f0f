package app.tend.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.tend.infra.stack.DemoData;
import app.tend.testkit.BadInput;
import app.tend.testkit.TestInfrastructure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every endpoint behind the gateway against every kind of caller, through the running stack with
 * real Keycloak tokens. What each cell must answer is kept in one place, {@code access-matrix.md}
 * next to this test: an allowed caller gets the answer written there (a 2xx, or the rule that
 * refuses what they asked, such as 409); everyone else gets 401 without a valid token, 404 with
 * one, never a 403 that would confirm an id exists. The table must name every endpoint the
 * services' controllers map, so a new endpoint cannot be left out of it.
 *
 * <p>And the privacy rule: neither the other partner nor a partner of another couple ever receives
 * the partner's private reflection or a trace of their safety flag, from any endpoint.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixE2EIT {

  static final Path TABLE = Path.of("src/test/java/app/tend/e2e/access-matrix.md");

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final String PASSWORD = "access matrix 1";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]+}");
  private static final Pattern AUDIT_SEARCH_PATH = Pattern.compile("(?m)^\\s+search-path:\\s*(\\S+)\\s*$");

  /** The callers, in the table's column order. */
  static final List<String> CALLERS = List.of("anonymous", "tampered token", "expired token", "partner", "the other partner",
      "a partner of another couple", "assigned clinician", "unassigned clinician", "clinic admin", "admin of another clinic",
      "platform admin");

  private final Map<String, String> tokens = new LinkedHashMap<>();
  private final Map<String, String> ids = new LinkedHashMap<>();
  private final List<String> observed = new ArrayList<>();
  private final Set<String> partnersOwnAnswers = new TreeSet<>();
  private Instant expiredTokenUsable;
  private String reflection;
  private JsonNode settings;

  @BeforeAll
  void aClinicWithTwoCouplesAndEveryKindOfCaller() throws Exception {
    RunningTend.stack();
    var keycloak = RunningTend.keycloakAdmin();
    // First, so that it has expired (and the 60 s of clock skew tokens are allowed) by the time its cells run.
    String expiring = keycloak.shortLivedAccessToken("alex@riverside.demo", DemoData.PASSWORD, Duration.ofSeconds(1));
    expiredTokenUsable = Instant.now().plusSeconds(63);
    String tag = UUID.randomUUID().toString().substring(0, 8);

    String operator = keycloak.accessToken(DemoData.OPERATOR, DemoData.OPERATOR_PASSWORD);
    String admin = RunningTend.token("admin@riverside.demo");
    String maya = RunningTend.token("maya.okafor@riverside.demo");
    var unassigned = call("POST", "/api/accounts/clinicians", admin, Map.of("email", "unassigned-" + tag + "@clinic.test",
        "firstName", "Uma", "lastName", "Unassigned"), 201);
    keycloak.setPassword(UUID.fromString(unassigned.get("id").asString()), PASSWORD);
    var otherClinic = call("POST", "/api/accounts/clinics", operator, Map.of("name", "Hillside " + tag, "timeZone", "Europe/Berlin",
        "admin", Map.of("email", "other-admin-" + tag + "@clinic.test", "firstName", "Otto", "lastName", "Admin")), 201);
    keycloak.setPassword(UUID.fromString(otherClinic.get("adminId").asString()), PASSWORD);
    var spare = call("POST", "/api/accounts/clinics", operator, Map.of("name", "Spare " + tag, "timeZone", "Europe/Berlin",
        "admin", Map.of("email", "spare-admin-" + tag + "@clinic.test", "firstName", "Sid", "lastName", "Spare")), 201);
    String uma = keycloak.accessToken("unassigned-" + tag + "@clinic.test", PASSWORD);

    String partner = "pia-" + tag + "@home.test";
    String otherPartner = "ole-" + tag + "@home.test";
    String stranger = "xan-" + tag + "@home.test";
    var couple = enrol(maya, partner, otherPartner);
    enrol(uma, stranger, "yve-" + tag + "@home.test");
    var pending = enrol(maya, "quin-" + tag + "@home.test", "rue-" + tag + "@home.test");
    var joined = join(partner);
    ids.put("inviteLink", joined.link());
    ids.put("partnerId", joined.partnerId());
    join(otherPartner);
    join(stranger);

    tokens.put("anonymous", null);
    tokens.put("partner", keycloak.accessToken(partner, PASSWORD));
    tokens.put("tampered token", BadInput.badToken("tampered", tokens.get("partner")));
    tokens.put("expired token", expiring);
    tokens.put("the other partner", keycloak.accessToken(otherPartner, PASSWORD));
    tokens.put("a partner of another couple", keycloak.accessToken(stranger, PASSWORD));
    tokens.put("assigned clinician", maya);
    tokens.put("unassigned clinician", uma);
    tokens.put("clinic admin", admin);
    tokens.put("admin of another clinic", keycloak.accessToken("other-admin-" + tag + "@clinic.test", PASSWORD));
    tokens.put("platform admin", operator);

    for (String who : List.of("partner", "the other partner", "a partner of another couple")) {
      await().atMost(Duration.ofSeconds(60)).until(() -> send("GET", "/api/checkins/today", tokens.get(who), null).statusCode() == 200);
    }
    String p = tokens.get("partner");
    String o = tokens.get("the other partner");
    reflection = "reflection-" + tag + " only mine";
    call("PUT", "/api/checkins/today", p, Map.of("followThrough", 3, "empathicListening", 2, "honesty", 4, "mattering", 3,
        "connected", 3, "appreciation", "thanks from pia", "privateReflection", reflection), 201);
    call("PUT", "/api/checkins/today", o, Map.of("followThrough", 3, "empathicListening", 3, "honesty", 3, "mattering", 3,
        "connected", 3, "appreciation", "thanks from ole"), 201);
    call("POST", "/api/checkins/me/safety-concerns", p, null, 202);

    ids.put("coupleId", couple.get("id").asString());
    ids.put("invitationId", pending.get("partners").get(0).get("invitationId").asString());
    ids.put("clinicianId", unassigned.get("id").asString());
    ids.put("busyClinicianId", keycloak.findUser("maya.okafor@riverside.demo").orElseThrow().toString());
    ids.put("assignedClinicianId", ids.get("busyClinicianId"));
    ids.put("spareClinicId", spare.get("clinic").get("id").asString());
    ids.put("day", LocalDate.now(ZoneId.of("Europe/Berlin")).toString());
    ids.put("monthAgo", LocalDate.now(ZoneId.of("Europe/Berlin")).minusDays(28).toString());
    ids.put("group", "APPRECIATION");
    ids.put("measureId", "csi-4");
    var daily = Map.of("kind", "DAILY", "time", "18:00");
    ids.put("commitmentId", call("POST", "/api/checkins/commitments", p, Map.of("words", "call when late", "schedule", daily), 201)
        .get("id").asString());
    ids.put("withdrawableCommitmentId", call("POST", "/api/checkins/commitments", p,
        Map.of("words", "water the plants", "schedule", daily), 201).get("id").asString());
    ids.put("partnersCommitmentId", call("POST", "/api/checkins/commitments", o,
        Map.of("words", "cook on Sunday", "schedule", daily), 201).get("id").asString());
    // Marked, so that the partner can answer whether they noticed.
    call("PUT", "/api/checkins/commitments/" + ids.get("partnersCommitmentId") + "/days/" + ids.get("day") + "/mark", o,
        Map.of("kept", true), 200);
    ids.put("repairId", call("POST", "/api/checkins/repairs", p,
        Map.of("category", "BROKEN_PROMISE", "seriousness", 2, "iWasHurt", true), 201).get("id").asString());
    ids.put("flagId", call("GET", "/api/checkins/couples/" + ids.get("coupleId") + "/safety-flags", maya, null, 200).get(0).get("id").asString());
    ids.put("notificationId", await().atMost(Duration.ofSeconds(60))
        .until(() -> call("GET", "/api/notifications", p, null, 200).path("notifications"), feed -> !feed.isEmpty()).get(0).get("id").asString());
    String link = TestInfrastructure.mail().awaitMessage(partner, 2, Duration.ofSeconds(60)).link(RunningTend.stack().webUiUrl() + "/unsubscribe/")
        .orElseThrow(() -> new AssertionError("no unsubscribe link in the e-mail to " + partner));
    ids.put("unsubscribeLink", link.substring(link.lastIndexOf('/') + 1));
    settings = call("GET", "/api/accounts/clinic/settings", admin, null, 200);
  }

  /** The bodies of the endpoints that take one: an allowed caller's would be accepted (or meet the rule its cell names). */
  private Object bodyOf(String endpoint, String caller) {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    var commitment = Map.of("words", "ask about the day", "schedule", Map.of("kind", "DAILY", "time", "19:00"));
    return switch (endpoint) {
      case "PUT /api/accounts/clinic/settings" -> settings;
      case "POST /api/accounts/clinicians" -> Map.of("email", "new-" + tag + "@clinic.test", "firstName", "New", "lastName", "Clinician");
      case "PUT /api/accounts/clinicians/{clinicianId}" -> Map.of("firstName", "Uma", "lastName", "Unassigned");
      case "POST /api/accounts/clinics" -> Map.of("name", "Clinic " + tag, "timeZone", "Europe/Berlin",
          "admin", Map.of("email", "admin-" + tag + "@clinic.test", "firstName", "New", "lastName", "Admin"));
      case "POST /api/accounts/couples" -> Map.of("clinicianId", ids.get("assignedClinicianId"), "partners", List.of(
          Map.of("person", Map.of("email", "m-" + tag + "@home.test", "firstName", "Mo", "lastName", "Partner"), "timeZone", "Europe/Berlin"),
          Map.of("person", Map.of("email", "n-" + tag + "@home.test", "firstName", "No", "lastName", "Partner"), "timeZone", "Europe/Berlin")));
      case "PUT /api/accounts/couples/{coupleId}/clinician" -> Map.of("clinicianId", ids.get("assignedClinicianId"));
      case "POST /api/accounts/invitations/{inviteLink}/acceptance" -> Map.of("firstName", "Pia", "lastName", "Partner",
          "password", PASSWORD, "timeZone", "Europe/Berlin", "reminderTime", "20:00", "quietHoursStart", "22:00", "quietHoursEnd", "07:00",
          "consentAccepted", true, "reflectionsVisibleToClinician", false);
      case "PUT /api/accounts/me/consent" -> Map.of("reflectionsVisibleToClinician", false);
      // Unconfirmed: whoever may erase their account meets the rule that asks them to confirm (400).
      case "POST /api/accounts/me/erasure" -> Map.of("confirmed", false);
      case "PUT /api/accounts/me/settings" -> Map.of("firstName", "Pia", "lastName", "Partner", "timeZone", "Europe/Berlin",
          "reminderTime", "20:00", "quietHoursStart", "22:00", "quietHoursEnd", "07:00", "mutedNotifications", List.of());
      case "POST /api/checkins/commitments" -> commitment;
      case "PUT /api/checkins/commitments/{commitmentId}" -> commitment;
      case "PUT /api/checkins/commitments/{partnersCommitmentId}/days/{day}/answer" -> Map.of("noticed", true);
      case "PUT /api/checkins/commitments/{commitmentId}/days/{day}/mark" -> Map.of("kept", true);
      case "POST /api/checkins/couples/{coupleId}/notes" -> Map.of("words", "talked about trust");
      case "POST /api/checkins/couples/{coupleId}/safety-flags/{flagId}/acknowledgement" -> Map.of("note", "called them");
      case "POST /api/checkins/couples/{coupleId}/safety-flags/{flagId}/resolution" -> Map.of("note", "safe now");
      case "POST /api/checkins/imports" -> Map.of("partnerId", ids.get("partnerId"), "checkins", List.of(Map.of(
          "day", LocalDate.now().minusDays(60).toString(), "followThrough", 3, "empathicListening", 3, "honesty", 3, "mattering", 3, "connected", 3)));
      case "POST /api/checkins/measures/{measureId}/responses" -> Map.of("answers", Map.of("1", 3, "2", 3, "3", 3, "4", 3));
      case "POST /api/checkins/repairs" -> Map.of("category", "HURTFUL_WORDS", "seriousness", 2, "iWasHurt", false);
      case "POST /api/checkins/repairs/{repairId}/impact" -> Map.of("words", "it hurt");
      case "POST /api/checkins/repairs/{repairId}/acknowledgement" -> Map.of("words", "I see it");
      case "POST /api/checkins/repairs/{repairId}/actions" -> Map.of("actions", List.of(commitment));
      case "POST /api/checkins/repairs/{repairId}/agreement" -> Map.of("agreed", true, "words", "thank you");
      // The partner keeps their reflection, so that what follows can still look for it where it must not be.
      case "PUT /api/checkins/today" -> caller.equals("partner")
          ? Map.of("followThrough", 3, "empathicListening", 3, "honesty", 3, "mattering", 3, "connected", 3, "privateReflection", reflection)
          : Map.of("followThrough", 3, "empathicListening", 3, "honesty", 3, "mattering", 3, "connected", 3);
      case "PUT /api/notifications/preferences/{group}" -> Map.of("emailed", true);
      default -> null;
    };
  }

  /** One row of the table: an endpoint and what each caller must get. */
  record Row(String method, String path, List<String> expected) {
    String endpoint() {
      return method + " " + path;
    }
  }

  static List<Row> table() throws IOException {
    List<Row> rows = new ArrayList<>();
    for (String line : Files.readAllLines(TABLE)) {
      if (!line.startsWith("| ") || line.startsWith("| endpoint") || line.startsWith("| ---")) {
        continue;
      }
      String[] cells = line.substring(1, line.lastIndexOf('|')).split("\\|");
      String[] endpoint = cells[0].strip().replace("`", "").split(" ", 2);
      List<String> expected = new ArrayList<>();
      for (int i = 1; i < cells.length; i++) {
        expected.add(cells[i].strip());
      }
      assertThat(expected).as("%s: one answer per caller", cells[0]).hasSize(CALLERS.size());
      rows.add(new Row(endpoint[0], endpoint[1], expected));
    }
    return rows;
  }

  @Test
  void theTableNamesEveryEndpointTheServicesMapAndNoCellConfirmsAnId() throws IOException {
    Set<String> mapped = new TreeSet<>();
    Path root = Path.of(System.getProperty("tend.projectRoot", "..")).toAbsolutePath().normalize();
    for (String service : List.of("accounts-service", "checkin-service", "notification-service")) {
      try (var files = Files.walk(root.resolve(service).resolve("src/main/java"))) {
        for (Path file : files.filter(f -> f.toString().endsWith("Controller.java")).toList()) {
          mapped.addAll(ControllerMappings.of(Files.readString(file)));
        }
      }
      // The platform's audit search answers where the service's tend.audit.search-path says.
      var settings = Files.readString(root.resolve(service).resolve("src/main/resources/application.yml"));
      AUDIT_SEARCH_PATH.matcher(settings).results().forEach(path -> mapped.add("GET " + path.group(1)));
    }
    Set<String> tabled = new TreeSet<>();
    for (Row row : table()) {
      tabled.add(row.method() + " " + PLACEHOLDER.matcher(row.path().replaceFirst("\\?.*", "")).replaceAll("{}"));
      assertThat(row.expected()).as(row.endpoint()).doesNotContain("403");
      for (int i = 0; i < 3; i++) {
        if (!row.expected().get(i).startsWith("2")) {
          assertThat(row.expected().get(i)).as("%s × %s", row.endpoint(), CALLERS.get(i)).isEqualTo("401");
        }
      }
    }
    assertThat(tabled).as("the endpoints in %s", TABLE).isEqualTo(mapped);
  }

  /**
   * Row by row, each row's callers in turn; the expired token's cells come last, by when it has
   * long expired (they change nothing, so their order does not matter).
   */
  @TestFactory
  Stream<DynamicNode> everyEndpointAgainstEveryCaller() throws IOException {
    var rows = table();
    var byEndpoint = rows.stream().map(row -> DynamicContainer.dynamicContainer(row.endpoint(),
        CALLERS.stream().filter(caller -> !caller.equals(EXPIRED)).map(caller -> cellTest(row, caller, caller))));
    var expired = DynamicContainer.dynamicContainer(EXPIRED, rows.stream().map(row -> cellTest(row, EXPIRED, row.endpoint())));
    return Stream.concat(byEndpoint, Stream.of(expired));
  }

  private static final String EXPIRED = "expired token";

  private DynamicTest cellTest(Row row, String caller, String name) {
    String expected = row.expected().get(CALLERS.indexOf(caller));
    return DynamicTest.dynamicTest(name + " → " + expected, () -> cell(row, caller, expected));
  }

  private void cell(Row row, String caller, String expected) throws Exception {
    if (caller.equals(EXPIRED)) {
      Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiredTokenUsable).toMillis()));
    }
    String path = fill(row.path());
    var response = send(row.method(), path, tokens.get(caller), bodyOf(row.endpoint(), caller));
    String body = response.statusCode() == 200 && row.path().endsWith("/stream") ? "" : response.body();
    observed.add(row.endpoint() + " × " + caller + " → " + response.statusCode());
    privacy(caller, row.endpoint(), body);
    assertThat(String.valueOf(response.statusCode())).as("%s %s as %s: %s", row.method(), path, caller, abbreviate(body)).isEqualTo(expected);
    if (!expected.startsWith("2")) {
      assertThat(response.headers().firstValue("Content-Type").orElse("")).as("a problem").startsWith("application/problem+json");
    }
  }

  /**
   * Nothing private of the partner's reaches another partner; the partner's own answers show the
   * words are really there. A problem's "instance" only repeats the address the caller asked for.
   */
  private void privacy(String caller, String endpoint, String answer) {
    String body = answer;
    if (answer.startsWith("{") && answer.contains("\"instance\"")) {
      var problem = (ObjectNode) JSON.readTree(answer);
      problem.remove("instance");
      body = problem.toString();
    }
    if (caller.equals("partner") && body.contains(reflection)) {
      partnersOwnAnswers.add(endpoint);
    }
    if (caller.equals("the other partner") || caller.equals("a partner of another couple")) {
      assertThat(body).as("%s as %s", endpoint, caller).doesNotContain(reflection).doesNotContain(ids.get("flagId"));
      assertThat(body.toLowerCase(Locale.ROOT)).as("%s as %s", endpoint, caller).doesNotContain("safety");
    }
  }

  @AfterAll
  void theReflectionWasThereToBeHidden() {
    System.out.println("\nAccess matrix through the gateway: " + observed.size() + " cells");
    // Only a meaningful run: the partner's own reflection came back to them somewhere.
    if (observed.size() > 100) {
      assertThat(partnersOwnAnswers).as("endpoints that gave the partner their own reflection").isNotEmpty();
    }
  }

  // ---------------------------------------------------------------- helpers

  private String fill(String path) {
    var matcher = PLACEHOLDER.matcher(path);
    var filled = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group().substring(1, matcher.group().length() - 1);
      matcher.appendReplacement(filled, java.util.Objects.requireNonNull(ids.get(name), name));
    }
    return matcher.appendTail(filled).toString();
  }

  private JsonNode enrol(String clinician, String first, String second) throws Exception {
    return call("POST", "/api/accounts/couples", clinician, Map.of("partners", List.of(
        Map.of("person", Map.of("email", first, "firstName", "Pia", "lastName", "Partner"), "timeZone", "Europe/Berlin"),
        Map.of("person", Map.of("email", second, "firstName", "Ole", "lastName", "Partner"), "timeZone", "Europe/Berlin"))), 201);
  }

  private record Joined(String link, String partnerId) {}

  /** Joins through the e-mailed link; answers the link's token and their login id. */
  private Joined join(String email) throws Exception {
    String link = TestInfrastructure.mail().awaitMessage(email, 1, Duration.ofSeconds(60))
        .link(RunningTend.stack().webUiUrl() + "/join/").orElseThrow();
    String token = link.substring(link.lastIndexOf('/') + 1);
    var joined = call("POST", "/api/accounts/invitations/" + token + "/acceptance", null, Map.of("firstName", "Pia", "lastName", "Partner",
        "password", PASSWORD, "timeZone", "Europe/Berlin", "reminderTime", "20:00", "quietHoursStart", "22:00", "quietHoursEnd", "07:00",
        "consentAccepted", true, "reflectionsVisibleToClinician", false), 200);
    return new Joined(token, joined.get("partnerId").asString());
  }

  private JsonNode call(String method, String path, String token, Object body, int expected) throws Exception {
    var response = send(method, path, token, body);
    assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(expected);
    return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
  }

  /** A response whose body is read only when it is not an endless event stream. */
  private record Answer(int statusCode, java.net.http.HttpHeaders headers, String body) {}

  private static Answer send(String method, String path, String token, Object body) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(RunningTend.stack().gatewayUrl() + path)).timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    // Each cell on a connection of its own: a kept-alive connection after a refusal occasionally
    // left the next request unanswered (see BadInput.send), which is not what this test is about.
    request.header("Connection", "close");
    HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = response.body()) {
      boolean stream = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
      return new Answer(response.statusCode(), response.headers(), stream ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }

  /** The (method, path) pairs a controller's source maps, with every path variable written {}. */
  static final class ControllerMappings {
    private static final Pattern CLASS_PATH = Pattern.compile("@RequestMapping\\(\"([^\"]*)\"\\)");
    private static final Pattern METHOD = Pattern.compile("@(Get|Post|Put|Delete|Patch)Mapping(?:\\((?:path = |value = )?\"([^\"]*)\"[^)]*\\))?");

    static List<String> of(String source) {
      var base = CLASS_PATH.matcher(source);
      String prefix = base.find() ? base.group(1) : "";
      List<String> mappings = new ArrayList<>();
      var method = METHOD.matcher(source);
      while (method.find()) {
        String path = prefix + (method.group(2) == null ? "" : method.group(2));
        mappings.add(method.group(1).toUpperCase(Locale.ROOT) + " " + PLACEHOLDER.matcher(path).replaceAll("{}"));
      }
      return mappings;
    }
  }
}
