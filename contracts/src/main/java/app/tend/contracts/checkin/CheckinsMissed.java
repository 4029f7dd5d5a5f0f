package app.tend.contracts.checkin;

import app.tend.contracts.Topics;
import app.tend.contracts.TendEvent;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A partner has not checked in for as many whole local days as their clinic's threshold. Told once
 * per gap; a check-in ends the gap. For the clinician's digest only.
 *
 * @param coupleId the couple, also the record key
 * @param partnerId whose practice
 * @param days whole local days without a check-in so far
 * @param lastCheckinOn the local day of their last check-in
 */
public record CheckinsMissed(UUID coupleId, UUID partnerId, int days, LocalDate lastCheckinOn) implements TendEvent {

  @Override
  public String topic() {
    return Topics.CHECKIN_CHECKIN;
  }
}
