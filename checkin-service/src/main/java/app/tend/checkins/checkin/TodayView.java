package app.tend.checkins.checkin;

import java.time.LocalDate;

/**
 * What the partner's "Today" page needs.
 *
 * @param day the partner's local today
 * @param checkin today's check-in, or null when they have not checked in yet
 */
public record TodayView(LocalDate day, CheckinView checkin) {}
