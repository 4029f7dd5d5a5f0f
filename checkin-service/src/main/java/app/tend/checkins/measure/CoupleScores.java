package app.tend.checkins.measure;

import java.util.List;
import java.util.UUID;

/**
 * A couple's scores on the clinic's measure, as their clinician reads them beside its cut-off.
 *
 * @param measureId the measure, e.g. {@code csi-4}
 * @param title its name as people read it
 * @param min the lowest possible score
 * @param max the highest possible score
 * @param cutOff scores below this matter clinically; null when the instrument has none
 * @param partners each partner's scores, oldest first
 */
public record CoupleScores(String measureId, String title, double min, double max, Double cutOff, List<PartnerScores> partners) {

  public record PartnerScores(UUID partnerId, List<MeasureView.Score> scores) {}
}
