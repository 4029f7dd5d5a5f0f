package app.tend.checkins.repair;

import app.tend.checkins.commitment.CommitmentRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A repair as either partner sees it: the same steps for both, told from the caller's side.
 *
 * @param id the repair
 * @param category LIE_OR_CONCEALMENT, BROKEN_PROMISE, HURTFUL_WORDS or OTHER
 * @param seriousness how serious it felt, 1–5
 * @param state where it stands
 * @param myRole HURT or RESPONSIBLE: the caller's side of it
 * @param myTurn whether the next step is the caller's
 * @param whatNow what happens now, in words for the caller
 * @param broughtToSession whether either partner asked to bring it to their next session
 * @param iFeelRepaired whether the caller said it feels repaired
 * @param partnerFeelsRepaired whether the other partner said it feels repaired
 * @param openedAt when it was opened
 * @param closedAt when both said it feels repaired; null while open
 * @param steps every step so far, oldest first
 * @param actions the repair actions on the table (proposed, or agreed and made commitments)
 */
public record RepairView(
    UUID id, String category, int seriousness, RepairProcess.State state, RepairProcess.Role myRole, boolean myTurn,
    String whatNow, boolean broughtToSession, boolean iFeelRepaired, boolean partnerFeelsRepaired, Instant openedAt,
    Instant closedAt, List<StepView> steps, List<CommitmentRequest> actions) {

  /**
   * @param kind OPENED or one of {@link RepairProcess.Step}
   * @param byMe whether the caller took it
   * @param words what was written with it, if anything
   * @param at when
   */
  public record StepView(String kind, boolean byMe, String words, Instant at) {}
}
