package app.tend.checkins.repair;

import app.tend.checkins.commitment.CommitmentRequest;
import java.util.List;

/** What partners send to open a repair and to take its steps. */
final class RepairRequests {

  private RepairRequests() {}

  /**
   * @param category LIE_OR_CONCEALMENT, BROKEN_PROMISE, HURTFUL_WORDS or OTHER
   * @param seriousness how serious it felt, 1 (a little) to 5 (very)
   * @param iWasHurt true when the caller was hurt; false when they take responsibility for hurting their partner
   */
  record Open(String category, Integer seriousness, Boolean iWasHurt) {}

  /** Words for a step: the impact, the acknowledgement, or what to change about the actions. */
  record Words(String words) {}

  /** The repair actions proposed: 1 to 5 commitments by the partner who takes responsibility. */
  record Actions(List<CommitmentRequest> actions) {}

  /**
   * @param agreed true: these actions would help, they become commitments; false: ask for a change
   * @param words what to change, when not agreed (optional)
   */
  record Agreement(Boolean agreed, String words) {}
}
