package app.tend.checkins.repair;

import app.tend.checkins.commitment.CommitmentRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A repair as the couple's assigned clinician reads it: the whole timeline, with who took each step.
 *
 * @param id the repair
 * @param category LIE_OR_CONCEALMENT, BROKEN_PROMISE, HURTFUL_WORDS or OTHER
 * @param seriousness how serious it felt, 1–5
 * @param state where it stands
 * @param hurtPartnerId the partner who was hurt
 * @param responsiblePartnerId the partner who takes responsibility
 * @param hurtFeelsRepaired whether the hurt partner said it feels repaired
 * @param responsibleFeelsRepaired whether the responsible partner said it feels repaired
 * @param broughtToSessionAt when a partner asked to bring it to session; null when nobody has
 * @param openedAt when it was opened
 * @param closedAt when both said it feels repaired; null while open
 * @param steps every step, oldest first
 * @param actions the repair actions on the table
 */
public record CoupleRepairView(
    UUID id, String category, int seriousness, RepairProcess.State state, UUID hurtPartnerId, UUID responsiblePartnerId,
    boolean hurtFeelsRepaired, boolean responsibleFeelsRepaired, Instant broughtToSessionAt, Instant openedAt, Instant closedAt,
    List<Step> steps, List<CommitmentRequest> actions) {

  /**
   * @param kind OPENED or one of {@link RepairProcess.Step}
   * @param partnerId who took it
   * @param words what was written with it, if anything
   * @param at when
   */
  public record Step(String kind, UUID partnerId, String words, Instant at) {}
}
