package app.tend.contracts.accounts;

import app.tend.contracts.Topics;
import app.tend.contracts.TendEvent;
import java.util.UUID;

/**
 * A partner changed what they let their clinician see. Every service that holds what the consent
 * covers applies it as soon as this arrives.
 *
 * @param coupleId the couple, also the record key
 * @param clinicId the clinic
 * @param partnerId the partner
 * @param reflectionsVisibleToClinician whether their clinician may read their private reflections
 */
public record ConsentChanged(UUID coupleId, UUID clinicId, UUID partnerId, boolean reflectionsVisibleToClinician)
    implements TendEvent {

  @Override
  public String topic() {
    return Topics.ACCOUNTS_COUPLE;
  }
}
