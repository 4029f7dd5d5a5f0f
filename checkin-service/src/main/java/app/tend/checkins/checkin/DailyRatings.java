package app.tend.checkins.checkin;

import app.tend.contracts.checkin.TrustRatings;
import io.r2dbc.spi.Readable;
import java.time.LocalDate;

/**
 * A partner's ratings on one of their days: all that trends are made of. Read without the check-in's
 * words and times, which trends never show, so the rows that make a month of trends carry only numbers.
 */
public record DailyRatings(LocalDate day, TrustRatings ratings) {

  static final String COLUMNS = "local_date, follow_through, empathic_listening, honesty, mattering, connected";

  /** The row's ratings, or null where it has no check-in (the empty side of an outer join). */
  static DailyRatings of(Readable row) {
    LocalDate day = row.get("local_date", LocalDate.class);
    return day == null ? null : new DailyRatings(day, new TrustRatings(
        row.get("follow_through", Short.class), row.get("empathic_listening", Short.class), row.get("honesty", Short.class),
        row.get("mattering", Short.class), row.get("connected", Short.class)));
  }
}
