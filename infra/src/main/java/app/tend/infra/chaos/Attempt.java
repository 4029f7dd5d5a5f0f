package app.tend.infra.chaos;

import java.util.UUID;

/**
 * One request of the chaos load: what it asked, what it got, and what the database must hold if it
 * was accepted.
 *
 * @param operation e.g. {@code open repair}
 * @param sentAt when it was sent, in {@link System#nanoTime()}
 * @param answeredAt when the answer (or the failure) came
 * @param outcome what came back, in the report's terms
 * @param status the HTTP status, or 0 when there was no answer
 * @param write what an accepted request wrote
 */
public record Attempt(String operation, long sentAt, long answeredAt, Outcome outcome, int status, Write write) {

  public enum Outcome {
    /** A 2xx: the write was accepted and must never be lost. */
    ACCEPTED,
    /** A 4xx problem: a rule refused it (e.g. a step out of turn after a lost answer). */
    REFUSED,
    /** A 503 problem document: what every request must get while a part it needs is down. */
    UNAVAILABLE,
    /** Any other 5xx, or a 503 that is not a problem document. */
    OTHER_ERROR,
    /** Nobody listened on the port: only possible while the gateway itself is down. */
    CONNECTION_REFUSED,
    /** The connection broke before the answer: only possible when the gateway dies holding it. */
    CONNECTION_LOST,
    /** No answer within the client's timeout: a hang. */
    NO_ANSWER
  }

  /** What an accepted request wrote, for the audit that looks for it afterwards. */
  public sealed interface Write {
    /** Today's check-in of {@code partnerId}, whose ratings encode {@code sequence}. */
    record Checkin(UUID partnerId, java.time.LocalDate day, int sequence) implements Write {}

    record CommitmentMade(UUID commitmentId) implements Write {}

    record CommitmentWithdrawn(UUID commitmentId) implements Write {}

    record RepairOpened(UUID repairId) implements Write {}

    /** A repair step as {@code repair_step.kind} names it, taken by {@code partnerId}. */
    record RepairStep(UUID repairId, String kind, UUID partnerId) implements Write {}

    /** A request whose write is not known yet (it failed before an id came back). */
    record Unknown() implements Write {}
  }
}
