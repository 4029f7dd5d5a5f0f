package app.tend.checkins.caseload;

import app.tend.checkins.caseload.CaseloadCouple.Attention;
import app.tend.checkins.caseload.CaseloadCouple.Direction;
import app.tend.checkins.caseload.CaseloadCouple.PartnerGlance;
import app.tend.checkins.caseload.CaseloadCouple.Reason;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * A clinician's whole caseload in four queries, whatever its size: their couples, each partner at a
 * glance, what needs attention, and how commitments were kept.
 */
@Repository
class CaseloadRows {

  private final DatabaseClient database;

  CaseloadRows(DatabaseClient database) {
    this.database = database;
  }

  private static final String MINE = "c.clinic_id = :clinic and c.clinician_id = :clinician";

  Mono<List<UUID>> couples(UUID clinicId, UUID clinicianId) {
    return database.sql("select c.couple_id from couple c where " + MINE)
        .bind("clinic", clinicId).bind("clinician", clinicianId)
        .map(row -> row.get(0, UUID.class)).all().collectList();
  }

  record Glance(UUID coupleId, PartnerGlance partner) {}

  /** Each partner's last check-in, and each act's last 7 days against the 7 before, in their own days. */
  Mono<List<Glance>> glances(UUID clinicId, UUID clinicianId) {
    StringBuilder averages = new StringBuilder();
    for (String act : Caseload.ACTS) {
      averages.append(", avg(k.").append(act).append(") filter (where k.local_date > p.today - 7) as ").append(act).append("_now")
          .append(", avg(k.").append(act).append(") filter (where k.local_date <= p.today - 7) as ").append(act).append("_before");
    }
    return database
        .sql(
            """
            with p as (
              select p.partner_id, p.couple_id, (now() at time zone p.time_zone)::date as today,
                     (p.joined_at at time zone p.time_zone)::date as joined_on
              from couple c join partner p on p.couple_id = c.couple_id where %s)
            select p.partner_id, p.couple_id, p.today, p.joined_on,
                   (select max(local_date) from checkin where partner_id = p.partner_id) as last_on %s
            from p left join checkin k on k.partner_id = p.partner_id and k.local_date > p.today - 14 and k.local_date <= p.today
            group by p.partner_id, p.couple_id, p.today, p.joined_on
            """.formatted(MINE, averages))
        .bind("clinic", clinicId).bind("clinician", clinicianId)
        .map(row -> {
          LocalDate today = row.get("today", LocalDate.class);
          LocalDate last = row.get("last_on", LocalDate.class);
          // Before a first check-in, the days count from joining: a partner who never started is away too.
          LocalDate since = last != null ? last : row.get("joined_on", LocalDate.class);
          Map<String, Direction> directions = new LinkedHashMap<>();
          for (String act : Caseload.ACTS) {
            directions.put(act.toUpperCase(), Caseload.direction(decimal(row, act + "_now"), decimal(row, act + "_before")));
          }
          return new Glance(row.get("couple_id", UUID.class), new PartnerGlance(row.get("partner_id", UUID.class), last,
              since == null ? null : (int) ChronoUnit.DAYS.between(since, today), directions));
        })
        .all()
        .collectList();
  }

  private static Double decimal(Readable row, String column) {
    BigDecimal value = row.get(column, BigDecimal.class);
    return value == null ? null : value.doubleValue();
  }

  record Flag(UUID coupleId, Attention attention) {}

  /** Everything but days without check-ins (worked out from the glances), per couple and reason. */
  Mono<List<Flag>> attention(UUID clinicId, UUID clinicianId) {
    return database
        .sql(
            """
            with mine as (select c.couple_id from couple c where %s)
            select f.couple_id, 'SAFETY_CONCERN' as reason, count(*) filter (where f.acknowledged_at is null) as count, max(f.raised_at) as since
            from safety_flag f join mine using (couple_id) where f.resolved_at is null group by f.couple_id
            union all
            select r.couple_id, 'REPAIR_BROUGHT_TO_SESSION', count(*), max(r.brought_to_session_at)
            from repair r join mine using (couple_id) where r.brought_to_session_at is not null and r.closed_at is null group by r.couple_id
            union all
            select m.couple_id, 'MEASURE_BELOW_CUT_OFF', count(*), max(m.completed_at)
            from (select distinct on (r.partner_id, r.measure_id) r.* from measure_response r join mine using (couple_id)
                  order by r.partner_id, r.measure_id, r.local_date desc) m
            where m.below_cut_off group by m.couple_id
            union all
            select p.couple_id, 'TREND_DROP', count(*), max(t.since)::timestamptz
            from trend_drop t join partner p on p.partner_id = t.partner_id join mine on mine.couple_id = p.couple_id group by p.couple_id
            """.formatted(MINE))
        .bind("clinic", clinicId).bind("clinician", clinicianId)
        .map(row -> new Flag(row.get("couple_id", UUID.class), new Attention(Reason.valueOf(row.get("reason", String.class)),
            row.get("count", Long.class), row.get("since", OffsetDateTime.class).toInstant())))
        .all()
        .collectList();
  }

  /** Kept out of marked, over the last 28 days, per couple. */
  Mono<Map<UUID, Double>> followThrough(UUID clinicId, UUID clinicianId) {
    return database
        .sql(
            """
            select m.couple_id, count(*) filter (where o.kept) as kept, count(*) filter (where o.kept is not null) as marked
            from commitment m join couple c on c.couple_id = m.couple_id join commitment_occurrence o on o.commitment_id = m.id
            where %s and o.due_date > current_date - 28
            group by m.couple_id
            """.formatted(MINE))
        .bind("clinic", clinicId).bind("clinician", clinicianId)
        .map(row -> Map.entry(row.get("couple_id", UUID.class), new long[] {row.get("kept", Long.class), row.get("marked", Long.class)}))
        .all()
        .collectMap(Map.Entry::getKey, entry -> entry.getValue()[1] == 0 ? Double.NaN : (double) entry.getValue()[0] / entry.getValue()[1]);
  }
}
