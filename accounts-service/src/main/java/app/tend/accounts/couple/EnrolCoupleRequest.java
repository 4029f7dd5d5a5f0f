package app.tend.accounts.couple;

import app.tend.accounts.platform.identity.PersonDetails;
import java.util.List;
import java.util.UUID;

/**
 * A couple to enrol: both partners, and for a clinic admin the clinician to assign.
 *
 * @param clinicianId the clinician; a clinician enrolling into their own caseload leaves it out
 * @param partners exactly two partners
 */
public record EnrolCoupleRequest(UUID clinicianId, List<NewPartner> partners) {

  /**
   * @param person name and e-mail address
   * @param timeZone the partner's IANA time zone, which decides what "today" is for them
   */
  public record NewPartner(PersonDetails person, String timeZone) {}
}
