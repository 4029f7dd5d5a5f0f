package app.tend.accounts.invitation;

import java.time.Instant;
import java.time.LocalTime;

/**
 * What opening an invitation link shows. A link that no longer works names only its state and the
 * clinic to ask for a new one: whoever finds an old link learns nobody's name or address from it.
 *
 * @param state whether the link works
 * @param clinicName the inviting clinic
 * @param invitedBy who invited them, while the link works
 * @param firstName the name the clinic gave, while the link works
 * @param lastName the family name the clinic gave, while the link works
 * @param email the address the login will have, while the link works
 * @param timeZone the time zone the clinic suggested, while the link works
 * @param expiresAt when the link stops working
 * @param reminderTime the clinic's default reminder time, offered while the link works
 * @param quietHoursStart the clinic's default start of quiet hours, offered while the link works
 * @param quietHoursEnd the clinic's default end of quiet hours, offered while the link works
 */
public record InvitationPreview(
    InvitationState state,
    String clinicName,
    String invitedBy,
    String firstName,
    String lastName,
    String email,
    String timeZone,
    Instant expiresAt,
    LocalTime reminderTime,
    LocalTime quietHoursStart,
    LocalTime quietHoursEnd) {}
