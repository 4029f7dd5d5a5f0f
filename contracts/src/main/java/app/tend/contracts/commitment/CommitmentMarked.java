package app.tend.contracts.commitment;

import app.tend.contracts.Topics;
import app.tend.contracts.TendEvent;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The author marked an occurrence as kept or not kept.
 *
 * <p>Ids, days, times and flags only: the commitment's words stay in checkin-service.
 *
 * @param commitmentId the commitment
 * @param coupleId the couple, also the record key
 * @param authorId the partner who made the commitment
 * @param partnerId the partner it was made to
 * @param dueDate the author's local day of the occurrence
 * @param kept whether they kept it
 */
public record CommitmentMarked(UUID commitmentId, UUID coupleId, UUID authorId, UUID partnerId, LocalDate dueDate, boolean kept) implements TendEvent {

  @Override
  public String topic() {
    return Topics.CHECKIN_COMMITMENT;
  }
}
