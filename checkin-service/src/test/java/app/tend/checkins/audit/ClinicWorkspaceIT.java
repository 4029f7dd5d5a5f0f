package app.tend.checkins.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.tend.checkins.CheckinServers;
import app.tend.contracts.TendHeaders;
import app.tend.testkit.TestCouples;
import app.tend.testkit.TestCouples.Couple;
import app.tend.testkit.TestInfrastructure;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The clinic's side of a couple's data: who may read what (everyone else gets 404, never 403), that
 * every read is in the audit log with where it came from, the admin's audit search, the clinician's
 * ledger and repair timeline, and the de-identified outcomes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class ClinicWorkspaceIT {

  static final ZoneId ZONE = ZoneId.of("America/Toronto");
  static final String FROM_BROWSER = "198.51.100.7 via 127.0.0.1";

  static UUID clinic;
  static Couple couple;
  static Couple second;
  static Couple third;
  static String admin;
  static String otherAdmin;

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    CheckinServers.register(registry);
  }

  @Autowired WebTestClient web;
  @Autowired DatabaseClient database;

  @BeforeAll
  static void enrol() {
    clinic = UUID.randomUUID();
    couple = TestCouples.enrol(clinic, ZONE.getId());
    second = TestCouples.enrol(clinic, ZONE.getId());
    third = TestCouples.enrol(clinic, ZONE.getId());
    admin = adminOf(clinic);
    otherAdmin = adminOf(UUID.randomUUID());
  }

  private static String adminOf(UUID clinicId) {
    String email = "admin-" + UUID.randomUUID() + "@test.tend";
    TestInfrastructure.keycloakAdmin().createUser(email, "Ada", "Admin", TestCouples.PASSWORD, clinicId, List.of("clinic-admin"));
    return TestInfrastructure.keycloakAdmin().accessToken(email, TestCouples.PASSWORD);
  }

  private WebTestClient.ResponseSpec get(String token, String path) {
    return web.get().uri(path).headers(h -> {
      h.setBearerAuth(token);
      h.set(TendHeaders.CLIENT_ADDRESS, FROM_BROWSER);
    }).exchange();
  }

  private long audited(UUID coupleId, String action, UUID actor) {
    return database.sql("select count(*) from audit_event where couple_id = :c and action = :a and actor_id = :who and client_address = :from")
        .bind("c", coupleId).bind("a", action).bind("who", actor).bind("from", FROM_BROWSER)
        .map(row -> row.get(0, Long.class)).one().block();
  }

  private long auditRows() {
    return database.sql("select count(*) from audit_event").map(row -> row.get(0, Long.class)).one().block();
  }

  @Test
  void onlyTheAssignedClinicianReadsACouplesDataAndEachReadIsAuditedWithWhereItCameFrom() {
    CheckinServers.awaitJoined(database, couple);
    String base = "/api/checkins/couples/" + couple.coupleId();
    LocalDate today = LocalDate.now(ZONE);
    // Every clinician endpoint about one couple, with the action its read is audited as.
    Map<String, String> endpoints = Map.of(
        base + "/checkins?from=" + today.minusDays(14) + "&to=" + today, "checkins.list",
        base + "/commitments", "commitments.list",
        base + "/repairs", "repairs.list",
        base + "/notes", "session-notes",
        base + "/safety-flags", "safety-flags.list",
        "/api/checkins/measures/couples/" + couple.coupleId() + "/history", "measures.history",
        "/api/checkins/measures/couples/" + couple.coupleId() + "/partners/" + couple.first().id() + "/fhir", "measures.fhir");
    List<String> notAllowed = List.of(couple.first().token(), couple.second().token(), second.first().token(),
        second.clinician().token(), admin, otherAdmin);
    for (var endpoint : endpoints.entrySet()) {
      long before = audited(couple.coupleId(), endpoint.getValue(), couple.clinician().id());
      get(couple.clinician().token(), endpoint.getKey()).expectStatus().isOk();
      assertThat(audited(couple.coupleId(), endpoint.getValue(), couple.clinician().id()))
          .as("a read of %s is audited with where it came from", endpoint.getKey()).isEqualTo(before + 1);

      long rowsBefore = auditRows();
      for (String token : notAllowed) {
        get(token, endpoint.getKey()).expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
      }
      web.get().uri(endpoint.getKey()).exchange().expectStatus().isUnauthorized();
      assertThat(auditRows()).as("a refused read of %s records nothing", endpoint.getKey()).isEqualTo(rowsBefore);
    }
    // Outcomes and the audit log are the clinic admin's; nobody else even learns they exist.
    for (String path : List.of("/api/checkins/outcomes", "/api/checkins/audit")) {
      for (String token : List.of(couple.first().token(), couple.clinician().token())) {
        get(token, path).expectStatus().isNotFound();
      }
      get(admin, path).expectStatus().isOk();
    }
  }

  @Test
  void theAdminSearchesTheirOwnClinicsAuditLogByClinicianAndCoupleAPageAtATime() {
    CheckinServers.awaitJoined(database, second);
    String notes = "/api/checkins/couples/" + second.coupleId() + "/notes";
    for (int i = 0; i < 3; i++) {
      get(second.clinician().token(), notes).expectStatus().isOk();
    }
    String search = "/api/checkins/audit?couple=" + second.coupleId() + "&actor=" + second.clinician().id() + "&limit=2";
    var firstPage = get(admin, search).expectStatus().isOk().expectBody()
        .jsonPath("$.entries.length()").isEqualTo(2)
        .jsonPath("$.entries[0].action").isEqualTo("session-notes")
        .jsonPath("$.entries[0].actorId").isEqualTo(second.clinician().id().toString())
        .jsonPath("$.entries[0].clientAddress").isEqualTo(FROM_BROWSER)
        .jsonPath("$.entries[0].actorRoles").isEqualTo("clinician")
        .jsonPath("$.nextBefore").isNumber()
        .returnResult().getResponseBody();
    long nextBefore = Long.parseLong(new String(firstPage).replaceAll(".*\"nextBefore\":(\\d+).*", "$1"));
    get(admin, search + "&before=" + nextBefore).expectStatus().isOk().expectBody()
        .jsonPath("$.entries.length()").isEqualTo(1).jsonPath("$.nextBefore").doesNotExist();
    // Nothing from before the window, and another clinic's admin finds nothing of this clinic.
    get(admin, search + "&until=" + java.time.Instant.now().minusSeconds(3600)).expectStatus().isOk().expectBody()
        .jsonPath("$.entries.length()").isEqualTo(0);
    get(otherAdmin, "/api/checkins/audit?couple=" + second.coupleId()).expectStatus().isOk().expectBody()
        .jsonPath("$.entries.length()").isEqualTo(0);
    // Bad searches are refused plainly.
    for (String bad : List.of("?limit=0", "?limit=501", "?actor=nobody", "?since=yesterday",
        "?since=2026-01-02T00:00:00Z&until=2026-01-01T00:00:00Z")) {
      get(admin, "/api/checkins/audit" + bad).expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
  }

  @Test
  void theClinicianSeesBothPartnersLedgersAndEveryStepOfARepair() {
    CheckinServers.awaitJoined(database, third);
    String first = third.first().token();
    LocalDate today = LocalDate.now(ZONE);
    web.post().uri("/api/checkins/commitments").headers(h -> h.setBearerAuth(first))
        .bodyValue(Map.of("words", "Put the phone away at dinner", "schedule", Map.of("kind", "DAILY", "time", "23:59")))
        .exchange().expectStatus().isCreated();
    String id = database.sql("select id from commitment where author_id = :a").bind("a", third.first().id())
        .map(row -> row.get("id", UUID.class)).one().block().toString();
    web.put().uri("/api/checkins/commitments/" + id + "/days/" + today + "/mark").headers(h -> h.setBearerAuth(first))
        .bodyValue(Map.of("kept", true)).exchange().expectStatus().isOk();
    String repair = new String(web.post().uri("/api/checkins/repairs").headers(h -> h.setBearerAuth(first))
        .bodyValue(Map.of("category", "BROKEN_PROMISE", "seriousness", 3, "iWasHurt", true)).exchange()
        .expectStatus().isCreated().expectBody().returnResult().getResponseBody()).replaceAll("^\\{\"id\":\"([^\"]+)\".*", "$1");
    web.post().uri("/api/checkins/repairs/" + repair + "/impact").headers(h -> h.setBearerAuth(first))
        .bodyValue(Map.of("words", "I waited an hour and felt forgotten.")).exchange().expectStatus().isOk();

    String mine = "$.partners[?(@.partnerId == '" + third.first().id() + "')]";
    String theirs = "$.partners[?(@.partnerId == '" + third.second().id() + "')]";
    get(third.clinician().token(), "/api/checkins/couples/" + third.coupleId() + "/commitments").expectStatus().isOk().expectBody()
        .jsonPath("$.partners.length()").isEqualTo(2)
        .jsonPath(mine + ".made[0].words").isEqualTo(List.of("Put the phone away at dinner"))
        .jsonPath(mine + ".made[0].occurrences[0].kept").isEqualTo(List.of(true))
        .jsonPath(mine + ".followThrough.kept").isEqualTo(List.of(1))
        .jsonPath(mine + ".followThrough.rate").isEqualTo(List.of(1.0))
        .jsonPath(theirs + ".made.length()").isEqualTo(List.of(0));
    get(third.clinician().token(), "/api/checkins/couples/" + third.coupleId() + "/repairs").expectStatus().isOk().expectBody()
        .jsonPath("$.length()").isEqualTo(1)
        .jsonPath("$[0].hurtPartnerId").isEqualTo(third.first().id().toString())
        .jsonPath("$[0].responsiblePartnerId").isEqualTo(third.second().id().toString())
        .jsonPath("$[0].state").isEqualTo("ACKNOWLEDGEMENT")
        .jsonPath("$[0].steps.length()").isEqualTo(2)
        .jsonPath("$[0].steps[1].kind").isEqualTo("IMPACT_DESCRIBED")
        .jsonPath("$[0].steps[1].partnerId").isEqualTo(third.first().id().toString())
        .jsonPath("$[0].steps[1].words").isEqualTo("I waited an hour and felt forgotten.");
  }

  @Test
  void outcomesAreDeIdentifiedCountsForTheAdminsOwnClinicOnly() {
    for (Couple each : List.of(couple, second, third)) {
      CheckinServers.awaitJoined(database, each);
    }
    web.put().uri("/api/checkins/today").headers(h -> h.setBearerAuth(second.second().token()))
        .bodyValue(Map.of("followThrough", 3, "empathicListening", 3, "honesty", 4, "mattering", 2, "connected", 4))
        .exchange().expectStatus().is2xxSuccessful();
    // CSI-4 for one partner: 12 four weeks ago, 16 now (from 12 below the 13.5 cut-off to above it); another partner only 10.
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    insertScore(couple, couple.first().id(), today.minusDays(28), 12, true);
    insertScore(couple, couple.first().id(), today, 16, false);
    insertScore(second, second.first().id(), today, 10, true);

    var body = new String(get(admin, "/api/checkins/outcomes").expectStatus().isOk().expectBody()
        .jsonPath("$.minimumGroupSize").isEqualTo(3)
        .jsonPath("$.weeks.length()").isEqualTo(12)
        .jsonPath("$.clinic.couples").isEqualTo(3)
        .jsonPath("$.clinic.suppressed").isEqualTo(false)
        .jsonPath("$.clinic.activeCouples").isNumber()
        .jsonPath("$.clinic.engagement.length()").isEqualTo(12)
        .jsonPath("$.clinic.csiChange").isEqualTo(4.0)
        .jsonPath("$.clinic.partnersWithCsiChange").isEqualTo(1)
        .jsonPath("$.clinic.couplesMeasured").isEqualTo(2)
        .jsonPath("$.clinic.shareBelowCutOff").isEqualTo(0.5)
        // Each clinician here has one couple: too few to show anything but the count.
        .jsonPath("$.byClinician.length()").isEqualTo(3)
        .jsonPath("$.byClinician[0].figures.couples").isEqualTo(1)
        .jsonPath("$.byClinician[0].figures.suppressed").isEqualTo(true)
        .jsonPath("$.byClinician[0].figures.csiChange").doesNotExist()
        .returnResult().getResponseBody());
    // De-identified: no couple or partner is named anywhere in it.
    var named = new ArrayList<String>();
    for (Couple each : List.of(couple, second, third)) {
      for (UUID id : List.of(each.coupleId(), each.first().id(), each.second().id())) {
        if (body.contains(id.toString())) {
          named.add(id.toString());
        }
      }
    }
    assertThat(named).isEmpty();
    get(otherAdmin, "/api/checkins/outcomes").expectStatus().isOk().expectBody()
        .jsonPath("$.clinic.couples").isEqualTo(0).jsonPath("$.clinic.suppressed").isEqualTo(true)
        .jsonPath("$.byClinician.length()").isEqualTo(0);
  }

  private void insertScore(Couple of, UUID partnerId, LocalDate day, double score, boolean below) {
    database.sql(
            """
            insert into measure_response (id, clinic_id, couple_id, partner_id, measure_id, measure_version, local_date, answers, score,
                                          below_cut_off, completed_at)
            values (:id, :clinic, :couple, :partner, 'csi-4', '1', :day, '{}', :score, :below, now())
            """)
        .bind("id", UUID.randomUUID()).bind("clinic", of.clinicId()).bind("couple", of.coupleId()).bind("partner", partnerId)
        .bind("day", day).bind("score", java.math.BigDecimal.valueOf(score)).bind("below", below)
        .then().block();
  }
}
