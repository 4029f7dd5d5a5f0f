package app.tend.contracts.commitment;

import app.tend.contracts.Topics;
import app.tend.contracts.TendEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A partner made a commitment to the other.
 *
 * <p>Ids, days, times and flags only: the commitment's words stay in checkin-service.
 *
 * @param commitmentId the commitment
 * @param coupleId the couple, also the record key
 * @param authorId the partner who made the commitment
 * @param partnerId the partner it was made to
 * @param kind ONCE, DAILY, WEEKDAYS or WEEKLY
 * @param firstDueAt when it first falls due
 */
public record CommitmentMade(UUID commitmentId, UUID coupleId, UUID authorId, UUID partnerId, String kind, Instant firstDueAt) implements TendEvent {

  @Override
  public String topic() {
    return Topics.CHECKIN_COMMITMENT;
  }
}
