package app.tend.contracts.accounts;

import app.tend.contracts.Topics;
import app.tend.contracts.TendEvent;
import java.util.UUID;

/**
 * A partner erased their account. Every service removes what it holds of this partner (their
 * answers, their texts, their notifications) and keeps what belongs to the other partner.
 * Applying it twice changes nothing more. It says nothing about why.
 *
 * @param coupleId the couple, also the record key
 * @param clinicId the clinic
 * @param partnerId the partner who left
 */
public record PartnerErased(UUID coupleId, UUID clinicId, UUID partnerId) implements TendEvent {

  @Override
  public String topic() {
    return Topics.ACCOUNTS_COUPLE;
  }
}
