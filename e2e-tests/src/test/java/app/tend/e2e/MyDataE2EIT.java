package app.tend.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.tend.contracts.Topics;
import app.tend.infra.servers.PostgresEndpoint;
import app.tend.testkit.TestInfrastructure;
import app.tend.testkit.TopicProbe;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A partner downloads all their data and then erases their account, through the gateway of the
 * whole running stack: the download holds their data from every service and nothing private of
 * their partner's; after the erasure no database of any service holds their address, their name or
 * their texts, Keycloak has no login for them, their partner's data is intact, and the clinician is
 * told that someone left.
 */
class MyDataE2EIT {

  private static final String PASSWORD = "my data e2e 1";

  private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
    return RunningTend.send(method, path, token, body);
  }

  /** A person of the new couple, with words only they wrote. */
  private record Person(String email, String firstName, String reflection, String appreciation) {
    static Person named(String firstName) {
      String tag = UUID.randomUUID().toString().substring(0, 8);
      return new Person(firstName.toLowerCase() + "-" + tag + "@home.test", firstName + tag,
          "reflection-" + tag + " of " + firstName, "appreciation-" + tag + " from " + firstName);
    }

    String token() {
      return TestInfrastructure.keycloakAdmin().accessToken(email, PASSWORD);
    }
  }

  /** Joins through the link in their e-mail; answers their login id. */
  private String join(Person person) throws Exception {
    String link = TestInfrastructure.mail().awaitMessage(person.email(), 1, Duration.ofSeconds(60))
        .link(RunningTend.stack().webUiUrl() + "/join/").orElseThrow();
    var joined = send("POST", "/api/accounts/invitations/" + link.substring(link.lastIndexOf('/') + 1) + "/acceptance", null, """
        {"firstName": "%s", "lastName": "Quist", "password": "%s", "timeZone": "Europe/Berlin", "reminderTime": "20:00",
         "quietHoursStart": "22:00", "quietHoursEnd": "07:00", "consentAccepted": true, "reflectionsVisibleToClinician": false}
        """.formatted(person.firstName(), PASSWORD));
    assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
    return joined.body().replaceAll("^.*\"partnerId\":\"([^\"]+)\".*$", "$1");
  }

  private void checkIn(Person person) throws Exception {
    var saved = send("PUT", "/api/checkins/today", person.token(), """
        {"followThrough": 3, "empathicListening": 2, "honesty": 4, "mattering": 3, "connected": 4,
         "appreciation": "%s", "privateReflection": "%s"}
        """.formatted(person.appreciation(), person.reflection()));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
  }

  @Test
  void aPartnerDownloadsAllTheirDataThenErasesTheirAccountAndNothingOfThemIsLeft() throws Exception {
    RunningTend.stack();
    var leaving = Person.named("Zephyrine");
    var staying = Person.named("Quillon");
    String maya = RunningTend.token("maya.okafor@riverside.demo");
    var enrolled = send("POST", "/api/accounts/couples", maya, """
        {"partners": [{"person": {"email": "%s", "firstName": "%s", "lastName": "Quist"}, "timeZone": "Europe/Berlin"},
                      {"person": {"email": "%s", "firstName": "%s", "lastName": "Quist"}, "timeZone": "Europe/Berlin"}]}
        """.formatted(leaving.email(), leaving.firstName(), staying.email(), staying.firstName()));
    assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
    String leavingId = join(leaving);
    join(staying);
    // Each has checked in once the other's service heard of them (projections travel through Kafka).
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(send("GET", "/api/checkins/today", leaving.token(), null).statusCode()).isEqualTo(200));
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(send("GET", "/api/checkins/today", staying.token(), null).statusCode()).isEqualTo(200));
    checkIn(staying);
    checkIn(leaving);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(send("GET", "/api/notifications", leaving.token(), null).body()).contains("Your partner wrote you an appreciation"));

    // The download: their own data from every service, nothing private of their partner's.
    String token = leaving.token();
    String accounts = send("GET", "/api/accounts/me/export", token, null).body();
    String checkins = send("GET", "/api/checkins/me/export", token, null).body();
    String notifications = send("GET", "/api/notifications/me/export", token, null).body();
    assertThat(accounts).contains(leaving.email()).contains(leaving.firstName()).contains("Riverside Couples Clinic");
    assertThat(checkins).contains(leaving.reflection()).contains(leaving.appreciation()).contains("\"empathicListening\":2");
    assertThat(notifications).contains("Your partner wrote you an appreciation");
    assertThat(accounts + checkins + notifications)
        .doesNotContain(staying.reflection()).doesNotContain(staying.appreciation()).doesNotContain(staying.email());

    // Erasing needs saying so; then it is done everywhere.
    assertThat(send("POST", "/api/accounts/me/erasure", token, "{}").statusCode()).isEqualTo(400);
    assertThat(send("POST", "/api/accounts/me/erasure", token, "{\"confirmed\": true}").statusCode()).isEqualTo(204);

    List<String> traces = List.of(leaving.email(), leaving.firstName(), leaving.reflection(), leaving.appreciation());
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      for (String database : List.of("accounts", "checkins", "notifications")) {
        assertThat(rowsMentioning(database, traces)).as("rows in " + database + " that still mention the erased partner").isEmpty();
      }
    });
    assertThat(TestInfrastructure.keycloakAdmin().findUser(leaving.email())).isEmpty();
    // Of the events about them, only the erasure itself is still kept (it must reach every service).
    assertThat(rowsMentioning("accounts", List.of(leavingId))).filteredOn(row -> row.startsWith("outbox_event: "))
        .singleElement().satisfies(row -> assertThat(row).contains("PartnerErased"));
    // The partner who stays keeps their own check-in and texts.
    assertThat(rowsMentioning("checkins", List.of(staying.reflection(), staying.appreciation()))).isNotEmpty();
    assertThat(send("GET", "/api/checkins/me/export", staying.token(), null).body()).contains(staying.reflection());
    // The clinician is told someone left, not why.
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(send("GET", "/api/notifications", RunningTend.token("maya.okafor@riverside.demo"), null).body())
            .contains("A partner has left Tend"));

    // Delivered again (at least once), the erasure changes nothing more and tells nobody twice.
    String coupleId = enrolled.body().replaceAll("^\\{\"id\":\"([^\"]+)\".*$", "$1");
    var erased = TopicProbe.envelopes(Topics.ACCOUNTS_COUPLE, "coupleId", coupleId, Duration.ofSeconds(2)).stream()
        .filter(event -> event.eventType().equals("PartnerErased")).findFirst().orElseThrow();
    TopicProbe.republish(Topics.ACCOUNTS_COUPLE, erased);
    await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> true);
    assertThat(rowsMentioning("notifications", List.of(erased.eventId().toString())))
        .filteredOn(row -> row.startsWith("notification: ")).hasSize(1);
  }

  /** Every row of every table in {@code database} whose text contains any of {@code needles}. */
  private static List<String> rowsMentioning(String database, List<String> needles) throws SQLException {
    PostgresEndpoint postgres = TestInfrastructure.postgres();
    List<String> found = new ArrayList<>();
    try (var connection = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password())) {
      List<String> tables = new ArrayList<>();
      try (var rows = connection.createStatement().executeQuery(
          "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'")) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
      for (String table : tables) {
        for (String needle : needles) {
          try (var statement = connection.prepareStatement("select t::text from \"" + table + "\" t where t::text ilike ?")) {
            statement.setString(1, "%" + needle + "%");
            try (var rows = statement.executeQuery()) {
              while (rows.next()) {
                found.add(table + ": " + rows.getString(1));
              }
            }
          }
        }
      }
    }
    return found;
  }
}
