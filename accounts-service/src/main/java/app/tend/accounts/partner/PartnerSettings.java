package app.tend.accounts.partner;

import app.tend.contracts.notification.NotificationType;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Set;

/**
 * A partner's own account as they see and change it in their settings.
 *
 * @param firstName what Tend calls them
 * @param lastName their family name
 * @param email their login name (changing it is not offered yet)
 * @param timeZone IANA zone that decides what "today" is for them
 * @param reminderTime local time of the daily reminder
 * @param quietHoursStart from when nothing may disturb them
 * @param quietHoursEnd until when nothing may disturb them
 * @param mutedNotifications the kinds of notification they turned off
 * @param reflectionsVisibleToClinician whether their clinician may read their private reflections
 * @param consentVersion the consent text they accepted
 * @param consentedAt when they last gave or changed their consent
 */
public record PartnerSettings(
    String firstName,
    String lastName,
    String email,
    String timeZone,
    LocalTime reminderTime,
    LocalTime quietHoursStart,
    LocalTime quietHoursEnd,
    Set<NotificationType> mutedNotifications,
    boolean reflectionsVisibleToClinician,
    String consentVersion,
    Instant consentedAt) {}
