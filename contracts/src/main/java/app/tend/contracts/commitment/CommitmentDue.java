package app.tend.contracts.commitment;

import app.tend.contracts.Topics;
import app.tend.contracts.TendEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An occurrence of a commitment fell due (the author's local day and time arrived).
 *
 * <p>Ids, days, times and flags only: the commitment's words stay in checkin-service.
 *
 * @param commitmentId the commitment
 * @param coupleId the couple, also the record key
 * @param authorId the partner who made the commitment
 * @param partnerId the partner it was made to
 * @param dueDate the author's local day of the occurrence
 * @param dueAt the moment it fell due
 */
public record CommitmentDue(UUID commitmentId, UUID coupleId, UUID authorId, UUID partnerId, LocalDate dueDate, Instant dueAt) implements TendEvent {

  @Override
  public String topic() {
    return Topics.CHECKIN_COMMITMENT;
  }
}
