package app.tend.checkins.checkin;

import java.util.List;
import java.util.UUID;

/**
 * One partner's check-ins as their couple's clinician reads them.
 *
 * @param partnerId the partner
 * @param reflectionsShared whether the partner lets the clinician read their private reflections;
 *     when not, every {@code privateReflection} here is null
 * @param checkins their check-ins, oldest first
 */
public record PartnerCheckins(UUID partnerId, boolean reflectionsShared, List<CheckinView> checkins) {}
