package app.tend.checkins.commitment;

import app.tend.checkins.commitment.CommitmentsView.FollowThrough;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A couple's commitments as their assigned clinician reads them: per partner, what they made to the
 * other and how it went.
 *
 * @param partners each partner who has joined, in a stable order
 */
public record CoupleCommitmentsView(List<PartnerLedger> partners) {

  /**
   * @param partnerId the partner
   * @param today the partner's local today, which their occurrences run up to
   * @param made the commitments this partner made, newest first ({@code byMe} is always true here)
   * @param followThrough this partner's follow-through over the last four weeks
   */
  public record PartnerLedger(UUID partnerId, LocalDate today, List<CommitmentView> made, FollowThrough followThrough) {}
}
