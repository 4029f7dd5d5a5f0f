package app.tend.checkins.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.tend.checkins.CheckinServers;
import app.tend.contracts.accounts.CoupleEnrolled;
import app.tend.contracts.accounts.PartnerJoined;
import app.tend.testkit.TestCouples;
import app.tend.testkit.TestInfrastructure;
import app.tend.testkit.TopicProbe;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The caseload's order for a prepared set of couples covering every kind of attention, what each
 * row shows, who may read it, and the audit record of every couple listed. The couples are
 * announced as accounts-service announces them; their practice is stored as this service stores it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class CaseloadIT {

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    CheckinServers.register(registry);
  }

  @Autowired WebTestClient web;
  @Autowired DatabaseClient database;

  private final UUID clinicId = UUID.randomUUID();

  private record Prepared(UUID coupleId, UUID first, UUID second) {}

  private Prepared couple(UUID clinicianId) {
    var couple = new Prepared(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    TopicProbe.publish(new CoupleEnrolled(couple.coupleId(), clinicId, clinicianId), clinicId, couple.coupleId());
    for (UUID partner : List.of(couple.first(), couple.second())) {
      TopicProbe.publish(new PartnerJoined(couple.coupleId(), clinicId, partner, "UTC", LocalTime.of(20, 0), LocalTime.of(22, 0),
          LocalTime.of(7, 0), false), clinicId, couple.coupleId());
    }
    return couple;
  }

  private void sql(String statement, Object... values) {
    var spec = database.sql(statement);
    for (int i = 0; i < values.length; i++) {
      spec = spec.bind("v" + i, values[i]);
    }
    spec.then().block();
  }

  /** A check-in {@code daysAgo} (UTC days) with every act at {@code acts}. */
  private void checkin(Prepared couple, UUID partner, int daysAgo, int followThrough, int acts) {
    sql("""
        insert into checkin (id, clinic_id, couple_id, partner_id, local_date, follow_through, empathic_listening, honesty, mattering,
                             connected, submitted_at, updated_at)
        values (gen_random_uuid(), :v0, :v1, :v2, (now() at time zone 'UTC')::date - :v3, :v4, :v5, :v5, :v5, 3, now(), now())
        """, clinicId, couple.coupleId(), partner, daysAgo, followThrough, acts);
  }

  private void safetyFlag(Prepared couple, String raisedAgo) {
    sql("insert into safety_flag (id, clinic_id, couple_id, partner_id, raised_at) values (gen_random_uuid(), :v0, :v1, :v2, now() - :v3::interval)",
        clinicId, couple.coupleId(), couple.first(), raisedAgo);
  }

  @Test
  void everyKindOfAttentionPutsItsCouplesInTheRightPlaceAndEachRowShowsThePartnersAtAGlance() {
    String clinicianEmail = "caseload-" + UUID.randomUUID() + "@test.tend";
    var clinician = TestInfrastructure.keycloakAdmin().createUser(clinicianEmail, "Casey", "Clinician", TestCouples.PASSWORD, clinicId,
        List.of("clinician"));
    var otherClinician = UUID.randomUUID();
    var calm = couple(clinician);
    var away = couple(clinician);
    var dropping = couple(clinician);
    var belowCutOff = couple(clinician);
    var recovered = couple(clinician);
    var brought = couple(clinician);
    var olderSafety = couple(clinician);
    var newerSafety = couple(clinician);
    var neverStarted = couple(clinician);
    var someoneElses = couple(otherClinician);
    await().atMost(Duration.ofSeconds(60)).until(() -> database.sql("select count(*) from partner where clinic_id = :c").bind("c", clinicId)
        .map(row -> row.get(0, Long.class)).one().block() == 20);

    // Everyone checked in today, except one partner of "away", last seen 6 days ago (the default alert is 4).
    for (var couple : List.of(calm, dropping, belowCutOff, recovered, brought, olderSafety, newerSafety, someoneElses)) {
      checkin(couple, couple.first(), 0, 3, 3);
      checkin(couple, couple.second(), 0, 3, 3);
    }
    checkin(away, away.first(), 0, 3, 3);
    checkin(away, away.second(), 6, 3, 3);
    // One partner of "neverStarted" joined 5 days ago and has not checked in once.
    checkin(neverStarted, neverStarted.first(), 0, 3, 3);
    sql("update partner set joined_at = now() - interval '5 days' where partner_id = :v0", neverStarted.second());
    // Calm's first partner follows through more this week than last; their other acts hold steady.
    for (int day = 1; day < 7; day++) {
      checkin(calm, calm.first(), day, 3, 3);
    }
    for (int day = 7; day < 14; day++) {
      checkin(calm, calm.first(), day, 1, 3);
    }
    sql("insert into trend_drop (partner_id, act, since) values (:v0, 'HONESTY', current_date - 1)", dropping.second());
    sql("""
        insert into measure_response (id, clinic_id, couple_id, partner_id, measure_id, measure_version, local_date, answers, score, below_cut_off, completed_at)
        values (gen_random_uuid(), :v0, :v1, :v2, 'csi-4', '1', current_date - 3, '[]', 11, true, now() - interval '3 days'),
               (gen_random_uuid(), :v0, :v3, :v4, 'csi-4', '1', current_date - 20, '[]', 11, true, now() - interval '20 days'),
               (gen_random_uuid(), :v0, :v3, :v4, 'csi-4', '1', current_date - 2, '[]', 17, false, now() - interval '2 days')
        """, clinicId, belowCutOff.coupleId(), belowCutOff.first(), recovered.coupleId(), recovered.first());
    sql("""
        insert into repair (id, clinic_id, couple_id, opened_by, hurt_partner_id, responsible_partner_id, category, seriousness, state,
                            brought_to_session_at, opened_at, updated_at)
        values (gen_random_uuid(), :v0, :v1, :v2, :v2, :v3, 'BROKEN_PROMISE', 3, 'ACKNOWLEDGEMENT', now(), now(), now())
        """, clinicId, brought.coupleId(), brought.first(), brought.second());
    safetyFlag(olderSafety, "2 days");
    safetyFlag(newerSafety, "1 hour");
    // A resolved flag is history, not attention.
    sql("""
        insert into safety_flag (id, clinic_id, couple_id, partner_id, raised_at, acknowledged_at, acknowledged_by, acknowledgement,
                                 resolved_at, resolved_by, resolution)
        values (gen_random_uuid(), :v0, :v1, :v2, now() - interval '3 days', now(), :v3, 'seen', now(), :v3, 'resolved')
        """, clinicId, calm.coupleId(), calm.first(), clinician);
    // Calm's follow-through: 3 of the 4 marked days kept.
    UUID commitment = UUID.randomUUID();
    sql("""
        insert into commitment (id, clinic_id, couple_id, author_id, partner_id, words, kind, due_time, starts_on, created_at)
        values (:v0, :v1, :v2, :v3, :v4, 'call if late', 'DAILY', '18:00', current_date - 10, now())
        """, commitment, clinicId, calm.coupleId(), calm.first(), calm.second());
    sql("""
        insert into commitment_occurrence (commitment_id, due_date, announced, kept, marked_at)
        values (:v0, current_date - 1, true, true, now()), (:v0, current_date - 2, true, true, now()),
               (:v0, current_date - 3, true, false, now()), (:v0, current_date - 4, true, true, now()), (:v0, current_date - 5, true, null, null)
        """, commitment);

    String token = TestInfrastructure.keycloakAdmin().accessToken(clinicianEmail, TestCouples.PASSWORD);
    List<CaseloadCouple> caseload = web.get().uri("/api/checkins/caseload").headers(h -> h.setBearerAuth(token)).exchange()
        .expectStatus().isOk().expectBody(new ParameterizedTypeReference<List<CaseloadCouple>>() {}).returnResult().getResponseBody();

    var quiet = new ArrayList<>(List.of(calm.coupleId(), recovered.coupleId()));
    quiet.sort(null);
    assertThat(caseload).extracting(CaseloadCouple::coupleId).containsExactly(newerSafety.coupleId(), olderSafety.coupleId(),
        brought.coupleId(), belowCutOff.coupleId(), dropping.coupleId(), neverStarted.coupleId(), away.coupleId(), quiet.get(0),
        quiet.get(1));
    assertThat(byCouple(caseload, away).attention()).singleElement().satisfies(attention -> {
      assertThat(attention.reason()).isEqualTo(CaseloadCouple.Reason.DAYS_WITHOUT_CHECKIN);
      assertThat(attention.count()).isEqualTo(1);
    });
    assertThat(byCouple(caseload, away).partners()).filteredOn(p -> p.partnerId().equals(away.second()))
        .singleElement().satisfies(p -> assertThat(p.daysWithoutCheckin()).isEqualTo(6));
    assertThat(byCouple(caseload, neverStarted).partners()).filteredOn(p -> p.partnerId().equals(neverStarted.second()))
        .singleElement().satisfies(p -> {
          assertThat(p.lastCheckinOn()).isNull();
          assertThat(p.daysWithoutCheckin()).isEqualTo(5);
        });
    assertThat(byCouple(caseload, newerSafety).attention()).extracting(CaseloadCouple.Attention::reason)
        .containsExactly(CaseloadCouple.Reason.SAFETY_CONCERN);
    assertThat(byCouple(caseload, calm).attention()).isEmpty();
    assertThat(byCouple(caseload, calm).followThrough()).isEqualTo(0.75);
    assertThat(byCouple(caseload, brought).followThrough()).isNull();
    var calmFirst = byCouple(caseload, calm).partners().stream().filter(p -> p.partnerId().equals(calm.first())).findFirst().orElseThrow();
    assertThat(calmFirst.directions()).containsExactlyInAnyOrderEntriesOf(Map.of("FOLLOW_THROUGH", CaseloadCouple.Direction.UP,
        "EMPATHIC_LISTENING", CaseloadCouple.Direction.STEADY, "HONESTY", CaseloadCouple.Direction.STEADY, "MATTERING", CaseloadCouple.Direction.STEADY));
    assertThat(calmFirst.daysWithoutCheckin()).isZero();

    // Every couple listed is in the audit log as read by this clinician; someone else's couple is not listed.
    assertThat(database.sql("select count(distinct couple_id) from audit_event where actor_id = :a and action = 'caseload'")
        .bind("a", clinician).map(row -> row.get(0, Long.class)).one().block()).isEqualTo(9);
    assertThat(caseload).extracting(CaseloadCouple::coupleId).doesNotContain(someoneElses.coupleId());

    // Partners and clinic admins have no caseload; nor does anyone without signing in.
    var partner = TestCouples.enrol(clinicId, "UTC");
    web.get().uri("/api/checkins/caseload").headers(h -> h.setBearerAuth(partner.first().token())).exchange().expectStatus().isNotFound();
    String adminEmail = "caseload-admin-" + UUID.randomUUID() + "@test.tend";
    TestInfrastructure.keycloakAdmin().createUser(adminEmail, "Ada", "Admin", TestCouples.PASSWORD, clinicId, List.of("clinic-admin"));
    String admin = TestInfrastructure.keycloakAdmin().accessToken(adminEmail, TestCouples.PASSWORD);
    web.get().uri("/api/checkins/caseload").headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isNotFound();
    web.get().uri("/api/checkins/caseload").exchange().expectStatus().isUnauthorized();
  }

  private static CaseloadCouple byCouple(List<CaseloadCouple> caseload, Prepared couple) {
    return caseload.stream().filter(c -> c.coupleId().equals(couple.coupleId())).findFirst().orElseThrow();
  }
}
