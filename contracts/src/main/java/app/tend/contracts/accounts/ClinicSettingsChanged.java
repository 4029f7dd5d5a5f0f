package app.tend.contracts.accounts;

import app.tend.contracts.Topics;
import app.tend.contracts.TendEvent;
import java.time.LocalTime;
import java.util.UUID;

/**
 * A clinic's settings as they now stand (the whole state, so a consumer needs no earlier event):
 * defaults for new partners, when clinicians are alerted, and how often the relationship measure is
 * asked.
 *
 * @param clinicId the clinic, also the record key
 * @param defaultReminderTime reminder time offered to a partner joining
 * @param defaultQuietHoursStart start of quiet hours offered to a partner joining
 * @param defaultQuietHoursEnd end of quiet hours offered to a partner joining
 * @param alertTrendDrop how far (on the 0–4 scale) a partner's 7-day average may fall below their
 *     28-day average before their clinician is told in the daily digest
 * @param alertDaysWithoutCheckin after how many days without a check-in the clinician is told
 * @param measureEveryDays how often, in days, partners are asked the relationship measure (CSI-4)
 */
public record ClinicSettingsChanged(
    UUID clinicId,
    LocalTime defaultReminderTime,
    LocalTime defaultQuietHoursStart,
    LocalTime defaultQuietHoursEnd,
    double alertTrendDrop,
    int alertDaysWithoutCheckin,
    int measureEveryDays)
    implements TendEvent {

  @Override
  public String topic() {
    return Topics.ACCOUNTS_CLINIC;
  }
}
