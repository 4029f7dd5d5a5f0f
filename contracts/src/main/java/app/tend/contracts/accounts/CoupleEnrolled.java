package app.tend.contracts.accounts;

import app.tend.contracts.Topics;
import app.tend.contracts.TendEvent;
import java.util.List;
import java.util.UUID;

/**
 * A couple was enrolled at a clinic and assigned a clinician. Other services keep a local
 * projection of couples from this event, so none of them asks accounts-service on a user's request.
 *
 * @param coupleId the couple, also the record key
 * @param clinicId the clinic
 * @param clinicianId the assigned clinician (their login's subject)
 * @param partners both partners, each with their own login subject and time zone
 */
public record CoupleEnrolled(
    UUID coupleId, UUID clinicId, UUID clinicianId, List<EnrolledPartner> partners)
    implements TendEvent {

  public CoupleEnrolled {
    partners = List.copyOf(partners);
  }

  @Override
  public String topic() {
    return Topics.ACCOUNTS_COUPLE;
  }

  /**
   * One partner of an enrolled couple.
   *
   * @param partnerId the partner's login subject ({@code sub} in their tokens)
   * @param timeZone IANA zone that decides what "today" is for them
   */
  public record EnrolledPartner(UUID partnerId, String timeZone) {}
}
