package app.tend.contracts.accounts;

import app.tend.contracts.Topics;
import app.tend.contracts.TendEvent;
import java.util.UUID;

/**
 * A clinic admin added a clinician; their login exists. Carries no name or address.
 *
 * @param clinicId the clinic, also the record key
 * @param clinicianId the clinician's login subject
 */
public record ClinicianAdded(UUID clinicId, UUID clinicianId) implements TendEvent {

  @Override
  public String topic() {
    return Topics.ACCOUNTS_CLINIC;
  }
}
