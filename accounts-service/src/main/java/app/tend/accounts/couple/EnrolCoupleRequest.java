package app.tend.accounts.couple;

import app.tend.accounts.identity.PersonDetails;
import java.util.List;
import java.util.UUID;

/**
 * A couple to enrol: both partners, each of whom is sent an invitation, and for a clinic admin the
 * clinician to assign.
 *
 * @param clinicianId the clinician; a clinician enrolling into their own caseload leaves it out
 * @param partners exactly two partners
 */
public record EnrolCoupleRequest(UUID clinicianId, List<NewPartner> partners) {

  /**
   * @param person name and e-mail address the invitation goes to
   * @param timeZone the IANA time zone suggested to them; they confirm or change it when joining
   */
  public record NewPartner(PersonDetails person, String timeZone) {}
}
