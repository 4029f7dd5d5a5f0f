package app.tend.accounts.couple;

import app.tend.accounts.invitation.Invitee;
import java.util.List;
import java.util.UUID;

/**
 * A couple as its clinic's staff see it.
 *
 * @param id the couple
 * @param clinicId their clinic
 * @param clinicianId the assigned clinician
 * @param partners both people, each invited or joined
 */
public record CoupleView(UUID id, UUID clinicId, UUID clinicianId, List<Invitee> partners) {}
