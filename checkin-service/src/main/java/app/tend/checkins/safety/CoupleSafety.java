package app.tend.checkins.safety;

import java.time.Instant;
import java.util.UUID;

/**
 * A couple on the clinician's caseload with safety flags not yet resolved.
 *
 * @param coupleId the couple
 * @param flags how many are not resolved
 * @param unacknowledged how many of those nobody has acknowledged yet
 * @param lastRaisedAt when the latest of them was raised
 */
public record CoupleSafety(UUID coupleId, long flags, long unacknowledged, Instant lastRaisedAt) {}
