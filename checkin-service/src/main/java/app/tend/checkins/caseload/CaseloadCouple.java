package app.tend.checkins.caseload;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One couple on a clinician's caseload, with what needs their attention first.
 *
 * @param attention what needs attention, most urgent first; empty when nothing does
 * @param partners each partner's last check-in and the direction of each act over 7 days
 * @param followThrough commitments kept out of those marked over 28 days, or null when none was marked
 */
public record CaseloadCouple(UUID coupleId, List<Attention> attention, List<PartnerGlance> partners, Double followThrough) {

  /** Why a couple needs a look, in the order a clinician should look. */
  public enum Reason {
    SAFETY_CONCERN, REPAIR_BROUGHT_TO_SESSION, MEASURE_BELOW_CUT_OFF, TREND_DROP, DAYS_WITHOUT_CHECKIN
  }

  /**
   * One reason, with how many and since when.
   *
   * @param count how many flags, repairs, partners or acts; for safety, how many are not yet acknowledged
   * @param since when it started, for ordering couples with the same reason
   */
  public record Attention(Reason reason, long count, Instant since) {}

  /** How a partner's 7 days compare with the 7 before. */
  public enum Direction { UP, STEADY, DOWN, UNKNOWN }

  /**
   * @param lastCheckinOn their last check-in's local date, or null before the first
   * @param daysWithoutCheckin days since then in their own time zone; before the first, days since they joined (null
   *     when that is not known either)
   * @param directions one per act: FOLLOW_THROUGH, EMPATHIC_LISTENING, HONESTY, MATTERING
   */
  public record PartnerGlance(UUID partnerId, LocalDate lastCheckinOn, Integer daysWithoutCheckin, Map<String, Direction> directions) {}
}
