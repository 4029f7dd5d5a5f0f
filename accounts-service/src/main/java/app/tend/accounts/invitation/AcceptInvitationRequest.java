package app.tend.accounts.invitation;

import app.tend.accounts.partner.PartnerDay;
import java.time.LocalTime;

/**
 * A partner's answers when joining through their invitation.
 *
 * @param firstName what Tend calls them
 * @param lastName their family name
 * @param password their new password (8 to 128 characters); it goes to Keycloak and nowhere else
 * @param timeZone the IANA zone that decides what "today" is for them
 * @param reminderTime the local time of the daily reminder
 * @param quietHoursStart from when nothing may disturb them
 * @param quietHoursEnd until when nothing may disturb them (may be after midnight)
 * @param consentAccepted true: they read what their clinician and their partner can see
 * @param reflectionsVisibleToClinician whether their clinician may read their private reflections
 */
public record AcceptInvitationRequest(
    String firstName,
    String lastName,
    String password,
    String timeZone,
    LocalTime reminderTime,
    LocalTime quietHoursStart,
    LocalTime quietHoursEnd,
    Boolean consentAccepted,
    Boolean reflectionsVisibleToClinician) {

  /** The day's choices, checked under the same rules as in the partner's settings. */
  PartnerDay day() {
    return new PartnerDay(timeZone, reminderTime, quietHoursStart, quietHoursEnd);
  }
}
