package app.tend.contracts.commitment;

import app.tend.contracts.Topics;
import app.tend.contracts.TendEvent;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The partner it was made to answered a marked occurrence: they noticed it, or they see it differently.
 *
 * <p>Ids, days, times and flags only: the commitment's words stay in checkin-service.
 *
 * @param commitmentId the commitment
 * @param coupleId the couple, also the record key
 * @param authorId the partner who made the commitment
 * @param partnerId the partner it was made to
 * @param dueDate the author's local day of the occurrence
 * @param noticed true for "I noticed", false for a gentle disagreement
 */
public record CommitmentConfirmed(UUID commitmentId, UUID coupleId, UUID authorId, UUID partnerId, LocalDate dueDate, boolean noticed) implements TendEvent {

  @Override
  public String topic() {
    return Topics.CHECKIN_COMMITMENT;
  }
}
