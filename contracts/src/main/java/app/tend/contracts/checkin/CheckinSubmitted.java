package app.tend.contracts.checkin;

import app.tend.contracts.Topics;
import app.tend.contracts.TendEvent;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A partner checked in for their local day, the first time that day. Later edits of the same day
 * publish {@link CheckinRevised}, so nobody is nudged twice for one day.
 *
 * <p>Carries ratings only: no free text and nothing that hints at a safety concern.
 *
 * @param checkinId the check-in
 * @param coupleId the couple, also the record key
 * @param partnerId who checked in
 * @param localDate the partner's local day the check-in is for
 * @param ratings the four trust acts (0–4) and how connected they felt (1–5)
 * @param appreciationAdded whether this save added an appreciation for the other partner (shared
 *     words they will see; the words themselves stay in checkin-service)
 */
public record CheckinSubmitted(
    UUID checkinId, UUID coupleId, UUID partnerId, LocalDate localDate, TrustRatings ratings, boolean appreciationAdded)
    implements TendEvent {

  @Override
  public String topic() {
    return Topics.CHECKIN_CHECKIN;
  }
}
