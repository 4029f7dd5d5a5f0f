package app.tend.contracts.accounts;

import app.tend.contracts.Topics;
import app.tend.contracts.TendEvent;
import java.util.UUID;

/**
 * A clinic (a tenant) was created with its first clinic admin; its settings follow as
 * {@code ClinicSettingsChanged}. Carries no names.
 *
 * @param clinicId the clinic, also the record key
 * @param timeZone the clinic's IANA time zone
 */
public record ClinicCreated(UUID clinicId, String timeZone) implements TendEvent {

  @Override
  public String topic() {
    return Topics.ACCOUNTS_CLINIC;
  }
}
