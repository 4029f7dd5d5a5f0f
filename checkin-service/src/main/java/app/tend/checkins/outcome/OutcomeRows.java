package app.tend.checkins.outcome;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The whole clinic's rows the outcomes are computed from: three grouped queries, whatever its size. */
@Repository
class OutcomeRows {

  private final DatabaseClient database;

  OutcomeRows(DatabaseClient database) {
    this.database = database;
  }

  record CoupleRow(UUID coupleId, UUID clinicianId) {}

  /** One partner's first and last check-in ever, with their count in one week (null week: none in the window). */
  record WeekRow(UUID partnerId, UUID coupleId, LocalDate firstCheckin, LocalDate lastCheckin, LocalDate week, int checkins) {}

  record PartnerScores(UUID coupleId, double first, double latest, boolean latestBelowCutOff, int count) {}

  Mono<List<CoupleRow>> couples(UUID clinicId) {
    return database.sql("select couple_id, clinician_id from couple where clinic_id = :clinicId")
        .bind("clinicId", clinicId)
        .map(row -> new CoupleRow(row.get("couple_id", UUID.class), row.get("clinician_id", UUID.class)))
        .all()
        .collectList();
  }

  /** Every partner who ever checked in, with their check-ins per week (Monday) since {@code from}. */
  Mono<List<WeekRow>> weeklyCheckins(UUID clinicId, LocalDate from) {
    return database
        .sql(
            """
            select f.partner_id, f.couple_id, f.first_checkin, f.last_checkin, w.week, coalesce(w.checkins, 0) as checkins
            from (select partner_id, couple_id, min(local_date) as first_checkin, max(local_date) as last_checkin
                  from checkin where clinic_id = :clinicId group by partner_id, couple_id) f
            left join (select partner_id, date_trunc('week', local_date)::date as week, count(*) as checkins
                       from checkin where clinic_id = :clinicId and local_date >= :from group by partner_id, week) w
                   on w.partner_id = f.partner_id
            """)
        .bind("clinicId", clinicId)
        .bind("from", from)
        .map(row -> new WeekRow(row.get("partner_id", UUID.class), row.get("couple_id", UUID.class),
            row.get("first_checkin", LocalDate.class), row.get("last_checkin", LocalDate.class), row.get("week", LocalDate.class),
            row.get("checkins", Long.class).intValue()))
        .all()
        .collectList();
  }

  /** Each partner's first and latest score of {@code measureId}, whether the latest was below its cut-off, and how many. */
  Mono<List<PartnerScores>> scores(UUID clinicId, String measureId) {
    return database
        .sql(
            """
            select partner_id, couple_id, count(*) as responses,
                   (array_agg(score order by local_date, completed_at))[1] as first_score,
                   (array_agg(score order by local_date desc, completed_at desc))[1] as latest_score,
                   (array_agg(below_cut_off order by local_date desc, completed_at desc))[1] as latest_below
            from measure_response where clinic_id = :clinicId and measure_id = :measureId
            group by partner_id, couple_id
            """)
        .bind("clinicId", clinicId)
        .bind("measureId", measureId)
        .map(row -> new PartnerScores(row.get("couple_id", UUID.class), row.get("first_score", BigDecimal.class).doubleValue(),
            row.get("latest_score", BigDecimal.class).doubleValue(), Boolean.TRUE.equals(row.get("latest_below", Boolean.class)),
            row.get("responses", Long.class).intValue()))
        .all()
        .collectList();
  }
}
