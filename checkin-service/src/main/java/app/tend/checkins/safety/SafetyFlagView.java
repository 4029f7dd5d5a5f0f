package app.tend.checkins.safety;

import java.time.Instant;
import java.util.UUID;

/**
 * A safety flag as the couple's clinician sees it.
 *
 * @param id the flag
 * @param partnerId who raised it
 * @param raisedAt when
 */
public record SafetyFlagView(UUID id, UUID partnerId, Instant raisedAt) {}
