package app.tend.accounts.partner;

import java.time.Instant;
import java.util.UUID;

/**
 * What accounts-service holds about one partner, for their own download. Nothing of their
 * partner's.
 *
 * @param settings their profile, day, notification choices and consent
 * @param coupleId their couple
 * @param clinicName the clinic that invited them
 * @param invitedAt when they were invited
 * @param joinedAt when they joined
 */
public record PartnerAccountExport(PartnerSettings settings, UUID coupleId, String clinicName, Instant invitedAt, Instant joinedAt) {}
