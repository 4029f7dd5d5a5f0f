package app.tend.contracts.checkin;

import app.tend.contracts.Topics;
import app.tend.contracts.TendEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * Clinic staff acknowledged a safety flag. Staff-facing only, like {@link SafetyConcernRaised}; the note
 * stays in checkin-service.
 *
 * @param flagId the flag
 * @param coupleId the couple, also the record key
 * @param staffId who did it
 * @param at when
 */
public record SafetyFlagAcknowledged(UUID flagId, UUID coupleId, UUID staffId, Instant at) implements TendEvent {

  @Override
  public String topic() {
    return Topics.CHECKIN_SAFETY;
  }
}
