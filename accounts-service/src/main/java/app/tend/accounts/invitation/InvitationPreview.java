package app.tend.accounts.invitation;

import java.time.Instant;

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
 */
public record InvitationPreview(
    InvitationState state,
    String clinicName,
    String invitedBy,
    String firstName,
    String lastName,
    String email,
    String timeZone,
    Instant expiresAt) {}
