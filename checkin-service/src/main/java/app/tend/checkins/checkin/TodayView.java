package app.tend.checkins.checkin;

import java.time.LocalDate;

/**
 * What the partner's "Today" page needs.
 *
 * @param day the partner's local today
 * @param checkin today's check-in, or null when they have not checked in yet
 * @param partnerAppreciation what the partner wrote for them on the partner's own today; given
 *     only once the caller has checked in today, so it is something to come back to, not a price
 */
public record TodayView(LocalDate day, CheckinView checkin, String partnerAppreciation) {}
