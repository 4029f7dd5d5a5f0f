package app.tend.contracts.accounts;

import app.tend.contracts.Topics;
import app.tend.contracts.TendEvent;
import java.util.UUID;

/**
 * A couple now works with another clinician of their clinic. From now on only that clinician
 * sees the couple.
 *
 * @param coupleId the couple, also the record key
 * @param clinicId the clinic
 * @param clinicianId the newly assigned clinician (their login's subject)
 */
public record ClinicianAssigned(UUID coupleId, UUID clinicId, UUID clinicianId) implements TendEvent {

  @Override
  public String topic() {
    return Topics.ACCOUNTS_COUPLE;
  }
}
