package app.tend.accounts.clinic;

import java.time.LocalTime;

/**
 * A clinic's settings, as its admin sees and changes them.
 *
 * @param defaultReminderTime reminder time offered to a partner joining
 * @param defaultQuietHoursStart start of quiet hours offered to a partner joining
 * @param defaultQuietHoursEnd end of quiet hours offered to a partner joining
 * @param alertTrendDrop how far (0–4 scale) a partner's 7-day average may fall below their 28-day
 *     average before the clinician hears of it in the daily digest (0.5 to 4)
 * @param alertDaysWithoutCheckin days without a check-in before the clinician hears of it (1 to 30)
 * @param measureEveryDays how often the relationship measure is asked: 7, 14 or 28 days
 * @param crisisContacts who the clinic's partners can turn to when they do not feel safe, as plain
 *     text of at most 1,000 characters (empty for none yet); shown to every partner of the clinic
 */
public record ClinicSettings(
    LocalTime defaultReminderTime,
    LocalTime defaultQuietHoursStart,
    LocalTime defaultQuietHoursEnd,
    Double alertTrendDrop,
    Integer alertDaysWithoutCheckin,
    Integer measureEveryDays,
    String crisisContacts) {

  static final int MAX_CRISIS_CONTACTS = 1000;
}
