package app.tend.checkins.measure;

import java.time.LocalDate;
import java.util.List;

/**
 * The partner's measure page: the questionnaire, whether it is due, and their own score history.
 *
 * @param definition the measure, items and scale as data
 * @param everyDays how often their clinic asks it
 * @param due whether it can be answered today
 * @param nextDueOn the first local day it can be answered again, when not due
 * @param history their own scores, oldest first
 */
public record MeasureView(MeasureDefinition definition, int everyDays, boolean due, LocalDate nextDueOn, List<Score> history) {

  /**
   * @param day the partner's local day of the response
   * @param score the score
   * @param belowCutOff whether it fell below the cut-off
   */
  public record Score(LocalDate day, double score, boolean belowCutOff) {}
}
