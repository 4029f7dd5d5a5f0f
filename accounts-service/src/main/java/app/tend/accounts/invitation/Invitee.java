package app.tend.accounts.invitation;

import java.time.Instant;
import java.util.UUID;

/**
 * One person of a couple as the clinic sees them: invited, or joined.
 *
 * @param invitationId their latest invitation
 * @param partnerId their login once they joined, else null
 * @param email e-mail address
 * @param firstName first name (their own choice once joined)
 * @param lastName last name
 * @param timeZone their time zone
 * @param state the latest invitation's state
 * @param expiresAt when the latest link stops working
 * @param mailSentAt when the invitation e-mail went out, null while it has not
 * @param mailDelayed true when sending it failed and Tend is still trying
 */
public record Invitee(
    UUID invitationId,
    UUID partnerId,
    String email,
    String firstName,
    String lastName,
    String timeZone,
    InvitationState state,
    Instant expiresAt,
    Instant mailSentAt,
    boolean mailDelayed) {}
