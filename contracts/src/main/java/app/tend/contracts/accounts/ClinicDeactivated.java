package app.tend.contracts.accounts;

import app.tend.contracts.Topics;
import app.tend.contracts.TendEvent;
import java.util.UUID;

/**
 * A clinic stopped using Tend: nobody of it can sign in any more, and its open invitations no
 * longer work. Its data stays until it is erased.
 *
 * @param clinicId the clinic, also the record key
 */
public record ClinicDeactivated(UUID clinicId) implements TendEvent {

  @Override
  public String topic() {
    return Topics.ACCOUNTS_CLINIC;
  }
}
