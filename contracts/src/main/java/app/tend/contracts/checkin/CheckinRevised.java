package app.tend.contracts.checkin;

import app.tend.contracts.Topics;
import app.tend.contracts.TendEvent;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A partner changed the check-in of a local day that they had already submitted.
 *
 * @param checkinId the check-in
 * @param coupleId the couple, also the record key
 * @param partnerId who checked in
 * @param localDate the partner's local day the check-in is for
 * @param ratings the ratings as they stand now
 * @param appreciationAdded whether this save added an appreciation for the other partner (shared
 *     words they will see; the words themselves stay in checkin-service)
 */
public record CheckinRevised(
    UUID checkinId, UUID coupleId, UUID partnerId, LocalDate localDate, TrustRatings ratings, boolean appreciationAdded)
    implements TendEvent {

  @Override
  public String topic() {
    return Topics.CHECKIN_CHECKIN;
  }
}
