package app.tend.contracts.checkin;

import app.tend.contracts.Topics;
import app.tend.contracts.TendEvent;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A partner's last 7 days of one trust act fell below their 28-day average by more than their
 * clinic's threshold. Told once when it happens; again only after it has recovered and fallen again.
 * For the clinician's digest only: never a nudge to the other partner.
 *
 * @param coupleId the couple, also the record key
 * @param partnerId whose practice
 * @param act FOLLOW_THROUGH, EMPATHIC_LISTENING, HONESTY, MATTERING or CONNECTED
 * @param average7 the 7-day average
 * @param average28 the 28-day average
 * @param localDate the partner's local day it was seen
 */
public record TrendDropped(UUID coupleId, UUID partnerId, String act, double average7, double average28, LocalDate localDate)
    implements TendEvent {

  @Override
  public String topic() {
    return Topics.CHECKIN_CHECKIN;
  }
}
