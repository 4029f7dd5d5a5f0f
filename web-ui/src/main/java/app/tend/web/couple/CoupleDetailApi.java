package app.tend.web.couple;

import app.tend.web.commitment.CommitmentApi;
import app.tend.web.platform.api.Gateway;
import app.tend.web.platform.security.SignedIn;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** What the couple page reads: names from accounts-service, practice and measures from checkin-service. */
@Component
class CoupleDetailApi {

  private final Gateway gateway;

  CoupleDetailApi(Gateway gateway) {
    this.gateway = gateway;
  }

  record Person(UUID partnerId, String firstName, String lastName, String timeZone, String state) {}

  record Couple(UUID id, UUID clinicianId, List<Person> partners) {}

  record Checkin(LocalDate day, int followThrough, int empathicListening, int honesty, int mattering, int connected, String appreciation,
                 String privateReflection, Instant submittedAt) {}

  record PartnerCheckins(UUID partnerId, boolean reflectionsShared, List<Checkin> checkins) {}

  record Score(LocalDate day, double score, boolean belowCutOff) {}

  record PartnerScores(UUID partnerId, List<Score> scores) {}

  record CoupleScores(String measureId, String title, double min, double max, Double cutOff, List<PartnerScores> partners) {}

  record PartnerLedger(UUID partnerId, LocalDate today, List<CommitmentApi.Commitment> made, CommitmentApi.FollowThrough followThrough) {}

  record CoupleCommitments(List<PartnerLedger> partners) {}

  record RepairStep(String kind, UUID partnerId, String words, Instant at) {}

  record Repair(UUID id, String category, int seriousness, String state, UUID hurtPartnerId, UUID responsiblePartnerId,
                boolean hurtFeelsRepaired, boolean responsibleFeelsRepaired, Instant broughtToSessionAt, Instant openedAt, Instant closedAt,
                List<RepairStep> steps) {}

  record SafetyFlag(UUID id, Instant raisedAt, String state) {}

  CoupleCommitments commitments(SignedIn person, UUID coupleId) {
    return gateway.call(person, rest -> rest.get().uri("/api/checkins/couples/{id}/commitments", coupleId).retrieve()
        .body(CoupleCommitments.class));
  }

  List<Repair> repairs(SignedIn person, UUID coupleId) {
    return Arrays.asList(gateway.call(person, rest -> rest.get().uri("/api/checkins/couples/{id}/repairs", coupleId).retrieve()
        .body(Repair[].class)));
  }

  /** The couple's safety flags, only to say in the session-prep summary whether any is still open. */
  List<SafetyFlag> safetyFlags(SignedIn person, UUID coupleId) {
    return Arrays.asList(gateway.call(person, rest -> rest.get().uri("/api/checkins/couples/{id}/safety-flags", coupleId).retrieve()
        .body(SafetyFlag[].class)));
  }

  record SessionNote(UUID id, String words, Instant writtenAt, boolean byMe) {}

  List<SessionNote> notes(SignedIn person, UUID coupleId) {
    return Arrays.asList(gateway.call(person, rest -> rest.get().uri("/api/checkins/couples/{id}/notes", coupleId).retrieve()
        .body(SessionNote[].class)));
  }

  SessionNote writeNote(SignedIn person, UUID coupleId, String words) {
    return gateway.call(person, rest -> rest.post().uri("/api/checkins/couples/{id}/notes", coupleId)
        .body(java.util.Map.of("words", words)).retrieve().body(SessionNote.class));
  }

  /** The couple as accounts-service lists it for the caller, or null when it is not among theirs. */
  Couple couple(SignedIn person, UUID coupleId) {
    Couple[] mine = gateway.call(person, rest -> rest.get().uri("/api/accounts/couples").retrieve().body(Couple[].class));
    return Arrays.stream(mine).filter(couple -> couple.id().equals(coupleId)).findFirst().orElse(null);
  }

  List<PartnerCheckins> checkins(SignedIn person, UUID coupleId, LocalDate from, LocalDate to) {
    return Arrays.asList(gateway.call(person, rest -> rest.get()
        .uri("/api/checkins/couples/{id}/checkins?from={from}&to={to}", coupleId, from, to).retrieve().body(PartnerCheckins[].class)));
  }

  CoupleScores scores(SignedIn person, UUID coupleId) {
    return gateway.call(person, rest -> rest.get().uri("/api/checkins/measures/couples/{id}/history", coupleId).retrieve()
        .body(CoupleScores.class));
  }
}
