package app.tend.checkins.outcome;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A clinic's outcomes, de-identified: counts, shares and means only, and none at all for a group of
 * fewer than {@code minimumGroupSize} couples, where a figure could point at a couple.
 *
 * @param minimumGroupSize the smallest group whose figures are shown
 * @param weeks the last 12 complete weeks, oldest first (each starts on a Monday), that engagement is given for
 * @param clinic the whole clinic
 * @param byClinician each clinician with couples assigned, by their current caseload
 */
public record ClinicOutcomes(int minimumGroupSize, List<LocalDate> weeks, Figures clinic, List<ClinicianFigures> byClinician) {

  public record ClinicianFigures(UUID clinicianId, Figures figures) {}

  /**
   * One group's figures; all but {@code couples} are null when {@code suppressed}.
   *
   * @param couples couples in the group
   * @param suppressed whether the group is too small to show anything else
   * @param activeCouples couples where a partner checked in within the last 14 days
   * @param engagement per week of {@link ClinicOutcomes#weeks}: check-ins out of the days partners could have checked in
   *     (from their first check-in on); null for a week nobody had started yet
   * @param csiChange mean change of CSI-4 from a partner's first to their latest score, over partners with two or more
   * @param partnersWithCsiChange how many partners that mean is over
   * @param couplesMeasured couples where at least one partner has a CSI-4 score
   * @param shareBelowCutOff of those, the share where a partner's latest score is below the cut-off (0–1)
   */
  public record Figures(int couples, boolean suppressed, Integer activeCouples, List<Double> engagement, Double csiChange,
                        Integer partnersWithCsiChange, Integer couplesMeasured, Double shareBelowCutOff) {}
}
