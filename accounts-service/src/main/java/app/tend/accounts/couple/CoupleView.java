package app.tend.accounts.couple;

import java.util.List;
import java.util.UUID;

/**
 * A couple as its clinic's staff see it.
 *
 * @param id the couple
 * @param clinicId their clinic
 * @param clinicianId the assigned clinician
 * @param partners both partners
 */
public record CoupleView(UUID id, UUID clinicId, UUID clinicianId, List<PartnerView> partners) {

  /**
   * @param id the partner's login
   * @param email e-mail address
   * @param firstName first name
   * @param lastName last name
   * @param timeZone their time zone
   */
  public record PartnerView(UUID id, String email, String firstName, String lastName, String timeZone) {}
}
