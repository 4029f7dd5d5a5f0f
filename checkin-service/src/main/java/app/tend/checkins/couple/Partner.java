package app.tend.checkins.couple;

import java.time.ZoneId;
import java.util.UUID;

/**
 * This service's copy of what it needs to know about a partner, kept from accounts-service's events.
 *
 * @param partnerId the partner's login subject
 * @param coupleId their couple
 * @param clinicId their clinic
 * @param clinicianId the clinician assigned to their couple
 * @param timeZone decides what "today" is for them
 */
public record Partner(UUID partnerId, UUID coupleId, UUID clinicId, UUID clinicianId, ZoneId timeZone) {}
