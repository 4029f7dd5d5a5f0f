package app.tend.contracts.accounts;

import app.tend.contracts.Topics;
import app.tend.contracts.TendEvent;
import app.tend.contracts.notification.NotificationType;
import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;

/**
 * A partner changed how their day goes or which notifications they want. Carries the whole new
 * state, so a consumer needs no earlier event to apply it; no name or address.
 *
 * @param coupleId the couple, also the record key
 * @param clinicId the clinic
 * @param partnerId the partner
 * @param timeZone IANA zone that decides what "today" is for them
 * @param reminderTime local time of their daily reminder
 * @param quietHoursStart local time from which nothing may disturb them
 * @param quietHoursEnd local time until which nothing may disturb them
 * @param mutedNotifications the kinds they turned off
 */
public record PreferencesChanged(
    UUID coupleId,
    UUID clinicId,
    UUID partnerId,
    String timeZone,
    LocalTime reminderTime,
    LocalTime quietHoursStart,
    LocalTime quietHoursEnd,
    Set<NotificationType> mutedNotifications)
    implements TendEvent {

  public PreferencesChanged {
    mutedNotifications = Set.copyOf(mutedNotifications);
  }

  @Override
  public String topic() {
    return Topics.ACCOUNTS_COUPLE;
  }
}
