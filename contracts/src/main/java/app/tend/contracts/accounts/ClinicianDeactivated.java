package app.tend.contracts.accounts;

import app.tend.contracts.Topics;
import app.tend.contracts.TendEvent;
import java.util.UUID;

/**
 * A clinician no longer works at the clinic: their login is disabled and no couple is assigned to
 * them any more (their couples were reassigned first).
 *
 * @param clinicId the clinic, also the record key
 * @param clinicianId the clinician's login subject
 */
public record ClinicianDeactivated(UUID clinicId, UUID clinicianId) implements TendEvent {

  @Override
  public String topic() {
    return Topics.ACCOUNTS_CLINIC;
  }
}
