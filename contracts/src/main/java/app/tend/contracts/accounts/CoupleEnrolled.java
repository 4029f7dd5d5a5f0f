package app.tend.contracts.accounts;

import app.tend.contracts.Topics;
import app.tend.contracts.TendEvent;
import java.util.UUID;

/**
 * A couple was enrolled at a clinic and assigned a clinician. Both partners are invited at the
 * same moment; each one arrives later with {@link PartnerJoined}. Other services keep a local
 * projection of couples from these events, so none of them asks accounts-service on a user's
 * request.
 *
 * @param coupleId the couple, also the record key
 * @param clinicId the clinic
 * @param clinicianId the assigned clinician (their login's subject)
 */
public record CoupleEnrolled(UUID coupleId, UUID clinicId, UUID clinicianId) implements TendEvent {

  @Override
  public String topic() {
    return Topics.ACCOUNTS_COUPLE;
  }
}
