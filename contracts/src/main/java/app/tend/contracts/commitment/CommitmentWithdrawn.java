package app.tend.contracts.commitment;

import app.tend.contracts.Topics;
import app.tend.contracts.TendEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * The author withdrew a commitment: it falls due no more; what was marked stays.
 *
 * <p>Ids, days, times and flags only: the commitment's words stay in checkin-service.
 *
 * @param commitmentId the commitment
 * @param coupleId the couple, also the record key
 * @param authorId the partner who made the commitment
 * @param partnerId the partner it was made to
 * @param withdrawnAt when
 */
public record CommitmentWithdrawn(UUID commitmentId, UUID coupleId, UUID authorId, UUID partnerId, Instant withdrawnAt) implements TendEvent {

  @Override
  public String topic() {
    return Topics.CHECKIN_COMMITMENT;
  }
}
