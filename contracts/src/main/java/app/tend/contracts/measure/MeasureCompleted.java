package app.tend.contracts.measure;

import app.tend.contracts.Topics;
import app.tend.contracts.TendEvent;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A partner completed a relationship measure. Carries the score and whether it fell below the
 * measure's cut-off, for the clinician's digest; never the answers, and never to the other partner.
 *
 * @param responseId the response
 * @param coupleId the couple, also the record key
 * @param partnerId who answered
 * @param measureId which measure, e.g. {@code csi-4}
 * @param measureVersion the version of its definition
 * @param localDate the partner's local day
 * @param score the score
 * @param belowCutOff whether the score is below the measure's cut-off
 */
public record MeasureCompleted(UUID responseId, UUID coupleId, UUID partnerId, String measureId, String measureVersion,
                               LocalDate localDate, double score, boolean belowCutOff) implements TendEvent {

  @Override
  public String topic() {
    return Topics.CHECKIN_MEASURE;
  }
}
