package app.tend.checkins.checkin;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Past check-ins of one partner.
 *
 * @param partnerId the partner
 * @param checkins days before the partner's today, each with its answers
 */
public record ImportHistoryRequest(UUID partnerId, List<PastCheckin> checkins) {

  /** One past day's answers. */
  public record PastCheckin(
      LocalDate day, Integer followThrough, Integer empathicListening, Integer honesty, Integer mattering, Integer connected) {}
}
