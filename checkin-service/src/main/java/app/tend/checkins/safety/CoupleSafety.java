package app.tend.checkins.safety;

import java.time.Instant;
import java.util.UUID;

/**
 * A couple on the clinician's caseload with safety flags.
 *
 * @param coupleId the couple
 * @param flags how many flags its partners raised
 * @param lastRaisedAt when the latest was raised
 */
public record CoupleSafety(UUID coupleId, long flags, Instant lastRaisedAt) {}
