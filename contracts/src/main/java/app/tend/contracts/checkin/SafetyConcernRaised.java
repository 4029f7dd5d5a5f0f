package app.tend.contracts.checkin;

import app.tend.contracts.Topics;
import app.tend.contracts.TendEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A partner said "I don't feel safe". Only clinic staff may learn of it: consumers must never let
 * it reach the other partner, nor change anything the other partner can see.
 *
 * @param flagId the safety flag the concern opened
 * @param coupleId the couple, also the record key
 * @param partnerId who raised it
 * @param raisedAt when
 */
public record SafetyConcernRaised(UUID flagId, UUID coupleId, UUID partnerId, Instant raisedAt) implements TendEvent {

  @Override
  public String topic() {
    return Topics.CHECKIN_SAFETY;
  }
}
