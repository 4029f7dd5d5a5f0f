package app.tend.accounts.partner;

import app.tend.contracts.notification.NotificationType;
import java.time.LocalTime;
import java.util.Set;

/**
 * A partner's new profile, day and notification choices; every field is the new whole value.
 *
 * @param firstName what Tend calls them
 * @param lastName their family name
 * @param timeZone IANA zone that decides what "today" is for them
 * @param reminderTime local time of the daily reminder
 * @param quietHoursStart from when nothing may disturb them
 * @param quietHoursEnd until when nothing may disturb them
 * @param mutedNotifications the kinds of notification they do not want
 */
public record ChangeSettingsRequest(
    String firstName,
    String lastName,
    String timeZone,
    LocalTime reminderTime,
    LocalTime quietHoursStart,
    LocalTime quietHoursEnd,
    Set<NotificationType> mutedNotifications) {

  PartnerDay day() {
    return new PartnerDay(timeZone, reminderTime, quietHoursStart, quietHoursEnd);
  }
}
