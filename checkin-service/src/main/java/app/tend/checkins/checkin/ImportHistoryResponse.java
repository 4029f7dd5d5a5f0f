package app.tend.checkins.checkin;

/**
 * @param imported days stored
 * @param skipped days the partner already had a check-in for (left as they were)
 */
public record ImportHistoryResponse(int imported, int skipped) {}
