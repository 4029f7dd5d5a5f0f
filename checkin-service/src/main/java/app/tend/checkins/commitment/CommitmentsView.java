package app.tend.checkins.commitment;

import java.time.LocalDate;
import java.util.List;

/**
 * A partner's commitments page.
 *
 * @param today the caller's local today
 * @param byMe commitments the caller made, newest first
 * @param toMe commitments made to the caller, newest first
 * @param followThrough the caller's own follow-through over the last four weeks
 */
public record CommitmentsView(LocalDate today, List<CommitmentView> byMe, List<CommitmentView> toMe, FollowThrough followThrough) {

  /**
   * How the caller's own commitments went over the last 28 days.
   *
   * @param kept occurrences marked kept
   * @param notKept occurrences marked not kept
   * @param unmarked occurrences that fell due and were not marked
   * @param rate kept out of marked, 0–1; null when nothing was marked
   */
  public record FollowThrough(int kept, int notKept, int unmarked, Double rate) {}
}
