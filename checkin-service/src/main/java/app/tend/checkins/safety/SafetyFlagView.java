package app.tend.checkins.safety;

import java.time.Instant;
import java.util.UUID;

/**
 * A safety flag as the couple's clinician sees it, with its handling so far.
 *
 * @param id the flag
 * @param partnerId who raised it
 * @param raisedAt when
 * @param state OPEN, ACKNOWLEDGED or RESOLVED
 * @param acknowledgedAt when staff acknowledged it, or null
 * @param acknowledgedBy who, or null
 * @param acknowledgement their note
 * @param resolvedAt when staff resolved it, or null
 * @param resolvedBy who, or null
 * @param resolution their note
 */
public record SafetyFlagView(
    UUID id, UUID partnerId, Instant raisedAt, State state, Instant acknowledgedAt, UUID acknowledgedBy, String acknowledgement,
    Instant resolvedAt, UUID resolvedBy, String resolution) {

  public enum State { OPEN, ACKNOWLEDGED, RESOLVED }
}
