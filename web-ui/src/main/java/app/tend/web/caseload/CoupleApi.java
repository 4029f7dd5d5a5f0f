package app.tend.web.caseload;

import app.tend.web.platform.api.Gateway;
import app.tend.web.platform.security.SignedIn;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** accounts-service's couples, clinicians and invitations, as the staff pages use them. */
@Component
class CoupleApi {

  private final Gateway gateway;

  CoupleApi(Gateway gateway) {
    this.gateway = gateway;
  }

  enum State { OPEN, ACCEPTED, EXPIRED, REVOKED, LEFT }

  record Person(UUID invitationId, UUID partnerId, String email, String firstName, String lastName, String timeZone, State state,
                Instant expiresAt, Instant mailSentAt, boolean mailDelayed) {}

  record Couple(UUID id, UUID clinicId, UUID clinicianId, List<Person> partners) {}

  record Clinician(UUID id, String firstName, String lastName, boolean active) {
    String name() {
      return firstName + " " + lastName;
    }
  }

  record NewPerson(String email, String firstName, String lastName) {}

  record NewPartner(NewPerson person, String timeZone) {}

  record Enrolment(UUID clinicianId, List<NewPartner> partners) {}

  enum FlagState { OPEN, ACKNOWLEDGED, RESOLVED }

  record SafetyFlag(UUID id, UUID partnerId, Instant raisedAt, FlagState state, Instant acknowledgedAt, UUID acknowledgedBy,
                    String acknowledgement, Instant resolvedAt, UUID resolvedBy, String resolution) {}

  /** checkin-service: one couple's safety flags with their handling, newest first. */
  List<SafetyFlag> safetyFlagsOf(SignedIn person, UUID coupleId) {
    return Arrays.asList(gateway.call(person, rest -> rest.get().uri("/api/checkins/couples/{id}/safety-flags", coupleId).retrieve()
        .body(SafetyFlag[].class)));
  }

  /** checkin-service: acknowledges ("acknowledgement") or resolves ("resolution") a flag with a note. */
  SafetyFlag handleFlag(SignedIn person, UUID coupleId, UUID flagId, String step, String note) {
    return gateway.call(person, rest -> rest.post().uri("/api/checkins/couples/{c}/safety-flags/{f}/{step}", coupleId, flagId, step)
        .body(Map.of("note", note)).retrieve().body(SafetyFlag.class));
  }

  enum Reason { SAFETY_CONCERN, REPAIR_BROUGHT_TO_SESSION, MEASURE_BELOW_CUT_OFF, TREND_DROP, DAYS_WITHOUT_CHECKIN }

  enum Direction { UP, STEADY, DOWN, UNKNOWN }

  record Attention(Reason reason, long count, Instant since) {}

  record PartnerGlance(UUID partnerId, java.time.LocalDate lastCheckinOn, Integer daysWithoutCheckin, Map<String, Direction> directions) {}

  record CaseloadCouple(UUID coupleId, List<Attention> attention, List<PartnerGlance> partners, Double followThrough) {}

  /** checkin-service: the calling clinician's couples, what needs attention first, each partner at a glance. */
  List<CaseloadCouple> caseload(SignedIn person) {
    return Arrays.asList(gateway.call(person, rest -> rest.get().uri("/api/checkins/caseload").retrieve().body(CaseloadCouple[].class)));
  }


  List<Couple> couples(SignedIn person) {
    return Arrays.asList(gateway.call(person, rest -> rest.get().uri("/api/accounts/couples").retrieve().body(Couple[].class)));
  }

  List<Clinician> clinicians(SignedIn person) {
    return Arrays.asList(gateway.call(person, rest -> rest.get().uri("/api/accounts/clinicians").retrieve().body(Clinician[].class)));
  }

  Couple enrol(SignedIn person, Enrolment enrolment) {
    return gateway.call(person, rest -> rest.post().uri("/api/accounts/couples").body(enrolment).retrieve().body(Couple.class));
  }

  Couple assignClinician(SignedIn person, UUID coupleId, UUID clinicianId) {
    return gateway.call(person, rest -> rest.put().uri("/api/accounts/couples/{id}/clinician", coupleId)
        .body(Map.of("clinicianId", clinicianId)).retrieve().body(Couple.class));
  }

  Person renewInvitation(SignedIn person, UUID invitationId) {
    return gateway.call(person, rest -> rest.post().uri("/api/accounts/invitations/{id}/renewal", invitationId).retrieve().body(Person.class));
  }
}
