package app.tend.checkins.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.tend.checkins.CheckinServers;
import app.tend.contracts.accounts.ClinicianAssigned;
import app.tend.testkit.TestCouples;
import app.tend.testkit.TestInfrastructure;
import app.tend.testkit.TopicProbe;
import java.time.Duration;
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

/** Session notes: the assigned clinician's alone, following a reassigned couple, audited, never the partners'. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class SessionNotesIT {

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    CheckinServers.register(registry);
  }

  @Autowired WebTestClient web;
  @Autowired DatabaseClient database;

  private long notes(UUID coupleId) {
    return database.sql("select count(*) from session_note where couple_id = :c").bind("c", coupleId).map(row -> row.get(0, Long.class)).one().block();
  }

  @Test
  void onlyTheAssignedClinicianWritesAndReadsThemAndTheyMoveWithTheCouple() {
    var couple = TestCouples.enrol(UUID.randomUUID(), "Europe/Dublin");
    CheckinServers.awaitJoined(database, couple);
    String notesOf = "/api/checkins/couples/" + couple.coupleId() + "/notes";
    String maya = couple.clinician().token();

    web.post().uri(notesOf).headers(h -> h.setBearerAuth(maya)).bodyValue(Map.of("words", "Talked about the missed call; both calmer."))
        .exchange().expectStatus().isCreated().expectBody().jsonPath("$.byMe").isEqualTo(true);
    for (String bad : List.of("   ", "x".repeat(5001))) {
      web.post().uri(notesOf).headers(h -> h.setBearerAuth(maya)).bodyValue(Map.of("words", bad)).exchange()
          .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
    web.post().uri(notesOf).headers(h -> h.setBearerAuth(maya)).contentType(MediaType.APPLICATION_JSON).bodyValue("{\"words\": 5, \"extra\": 1}")
        .exchange().expectStatus().isBadRequest();
    assertThat(notes(couple.coupleId())).isEqualTo(1);

    // Neither partner, nor a clinician the couple is not assigned to, nor anyone signed out.
    for (String other : List.of(couple.first().token(), couple.second().token())) {
      web.get().uri(notesOf).headers(h -> h.setBearerAuth(other)).exchange().expectStatus().isNotFound();
      web.post().uri(notesOf).headers(h -> h.setBearerAuth(other)).bodyValue(Map.of("words", "mine")).exchange().expectStatus().isNotFound();
    }
    String newEmail = "notes-" + UUID.randomUUID() + "@test.tend";
    UUID newClinician = TestInfrastructure.keycloakAdmin().createUser(newEmail, "Noa", "Next", TestCouples.PASSWORD, couple.clinicId(),
        List.of("clinician"));
    String noa = TestInfrastructure.keycloakAdmin().accessToken(newEmail, TestCouples.PASSWORD);
    web.get().uri(notesOf).headers(h -> h.setBearerAuth(noa)).exchange().expectStatus().isNotFound();
    web.get().uri(notesOf).exchange().expectStatus().isUnauthorized();
    assertThat(notes(couple.coupleId())).isEqualTo(1);

    // Reassigned: the new clinician reads the notes (not theirs), the previous one no longer does.
    TopicProbe.publish(new ClinicianAssigned(couple.coupleId(), couple.clinicId(), newClinician), couple.clinicId(), couple.coupleId());
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        web.get().uri(notesOf).headers(h -> h.setBearerAuth(noa)).exchange().expectStatus().isOk().expectBody()
            .jsonPath("$.length()").isEqualTo(1)
            .jsonPath("$[0].words").isEqualTo("Talked about the missed call; both calmer.")
            .jsonPath("$[0].byMe").isEqualTo(false));
    web.get().uri(notesOf).headers(h -> h.setBearerAuth(maya)).exchange().expectStatus().isNotFound();
    // Audited: the write (only the one that was stored) and each read by the new clinician.
    assertThat(database.sql("select count(*) from audit_event where couple_id = :c and action = 'session-notes.write' and actor_id = :a")
        .bind("c", couple.coupleId()).bind("a", couple.clinician().id()).map(row -> row.get(0, Long.class)).one().block()).isEqualTo(1);
    assertThat(database.sql("select count(*) from audit_event where couple_id = :c and action = 'session-notes' and actor_id = :a")
        .bind("c", couple.coupleId()).bind("a", newClinician).map(row -> row.get(0, Long.class)).one().block()).isGreaterThanOrEqualTo(1);
  }
}
