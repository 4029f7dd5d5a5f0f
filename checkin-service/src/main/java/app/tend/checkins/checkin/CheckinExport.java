package app.tend.checkins.checkin;

import java.util.List;

/**
 * A partner's own check-ins, for their download of all their data. Nothing of their partner's.
 *
 * @param timeZone the zone their days are counted in
 * @param daysPractised how many days they checked in, ever
 * @param checkins every check-in, oldest first, with their own appreciation and private reflection
 */
public record CheckinExport(String timeZone, long daysPractised, List<CheckinView> checkins) {}
