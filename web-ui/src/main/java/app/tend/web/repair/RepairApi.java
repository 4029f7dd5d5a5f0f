package app.tend.web.repair;

import app.tend.web.commitment.CommitmentApi;
import app.tend.web.platform.api.Gateway;
import app.tend.web.platform.security.SignedIn;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** checkin-service's repairs API, as the partner's pages use it. */
@Component
class RepairApi {

  private final Gateway gateway;

  RepairApi(Gateway gateway) {
    this.gateway = gateway;
  }

  enum State { IMPACT, ACKNOWLEDGEMENT, ACTIONS, AGREEMENT, CLOSING, CLOSED }

  enum Role { HURT, RESPONSIBLE }

  record Step(String kind, boolean byMe, String words, Instant at) {}

  record Repair(UUID id, String category, int seriousness, State state, Role myRole, boolean myTurn, String whatNow,
                boolean broughtToSession, boolean iFeelRepaired, boolean partnerFeelsRepaired, Instant openedAt, Instant closedAt,
                List<Step> steps, List<CommitmentApi.Request> actions) {}

  record Open(String category, int seriousness, boolean iWasHurt) {}

  List<Repair> list(SignedIn person) {
    return Arrays.asList(gateway.call(person, rest -> rest.get().uri("/api/checkins/repairs").retrieve().body(Repair[].class)));
  }

  Repair one(SignedIn person, UUID id) {
    return gateway.call(person, rest -> rest.get().uri("/api/checkins/repairs/{id}", id).retrieve().body(Repair.class));
  }

  Repair open(SignedIn person, Open open) {
    return gateway.call(person, rest -> rest.post().uri("/api/checkins/repairs").body(open).retrieve().body(Repair.class));
  }

  /** Takes a step whose body is words: "impact" or "acknowledgement". */
  Repair words(SignedIn person, UUID id, String step, String words) {
    return post(person, id, step, Map.of("words", words == null ? "" : words));
  }

  Repair proposeActions(SignedIn person, UUID id, List<CommitmentApi.Request> actions) {
    return post(person, id, "actions", Map.of("actions", actions));
  }

  Repair answerActions(SignedIn person, UUID id, boolean agreed, String words) {
    return post(person, id, "agreement", words == null ? Map.of("agreed", agreed) : Map.of("agreed", agreed, "words", words));
  }

  Repair feelsRepaired(SignedIn person, UUID id) {
    return post(person, id, "feels-repaired", Map.of());
  }

  Repair bringToSession(SignedIn person, UUID id) {
    return post(person, id, "session", Map.of());
  }

  private Repair post(SignedIn person, UUID id, String step, Object body) {
    return gateway.call(person, rest -> rest.post().uri("/api/checkins/repairs/{id}/{step}", id, step).body(body).retrieve()
        .body(Repair.class));
  }
}
