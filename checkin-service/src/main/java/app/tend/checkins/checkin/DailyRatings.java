package app.tend.checkins.checkin;

import app.tend.contracts.checkin.TrustRatings;
import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A partner's ratings on one of their days: all that trends are made of. Read without the check-in's
 * words and times, which trends never show, so a month of trends is read as numbers only.
 */
public record DailyRatings(LocalDate day, TrustRatings ratings) {

  /**
   * A partner's days read as one row: each column aggregated into an array, in the order of the days
   * (see {@link #allOf}), under names of their own so that they can sit beside a check-in's columns.
   */
  static final String AGGREGATED = """
      array_agg(local_date order by local_date) as days,
      array_agg(follow_through order by local_date) as follow_through_by_day,
      array_agg(empathic_listening order by local_date) as empathic_listening_by_day,
      array_agg(honesty order by local_date) as honesty_by_day,
      array_agg(mattering order by local_date) as mattering_by_day,
      array_agg(connected order by local_date) as connected_by_day
      """;

  /**
   * The days of a row of {@link #AGGREGATED} arrays; none where nothing was aggregated. One row
   * instead of a row per day: the driver and Reactor cost more per row than the numbers in it
   * (docs/performance.md).
   */
  static List<DailyRatings> allOf(Readable row) {
    LocalDate[] days = row.get("days", LocalDate[].class);
    if (days == null) {
      return List.of();
    }
    Short[] followThrough = row.get("follow_through_by_day", Short[].class);
    Short[] empathicListening = row.get("empathic_listening_by_day", Short[].class);
    Short[] honesty = row.get("honesty_by_day", Short[].class);
    Short[] mattering = row.get("mattering_by_day", Short[].class);
    Short[] connected = row.get("connected_by_day", Short[].class);
    var all = new ArrayList<DailyRatings>(days.length);
    for (int i = 0; i < days.length; i++) {
      all.add(new DailyRatings(days[i],
          new TrustRatings(followThrough[i], empathicListening[i], honesty[i], mattering[i], connected[i])));
    }
    return all;
  }
}
