package app.tend.checkins.safety;

import app.tend.checkins.couple.Partner;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The safety flags partners raised, and what their clinician did with each. Read by clinic staff only. */
@Repository
class SafetyFlags {

  private final DatabaseClient database;

  SafetyFlags(DatabaseClient database) {
    this.database = database;
  }

  /**
   * Raises a flag for the partner unless they raised one since {@code since}; must run in a
   * transaction. Two quick taps in two requests make one flag: the second waits for the first's lock,
   * and its insert (a statement of its own, so it sees what the first committed) finds the fresh flag.
   *
   * @return whether a new flag was raised
   */
  Mono<Boolean> raise(UUID flagId, Partner partner, Instant now, Instant since) {
    return database
        .sql("select pg_advisory_xact_lock(hashtext(:partnerText))")
        .bind("partnerText", partner.partnerId().toString())
        .then()
        .then(database.sql(
                """
                insert into safety_flag (id, clinic_id, couple_id, partner_id, raised_at)
                select :id, :clinicId, :coupleId, :partnerId, :now
                where not exists (select 1 from safety_flag where partner_id = :partnerId and raised_at > :since)
                """)
            .bind("id", flagId)
            .bind("clinicId", partner.clinicId())
            .bind("coupleId", partner.coupleId())
            .bind("partnerId", partner.partnerId())
            .bind("now", now.atOffset(ZoneOffset.UTC))
            .bind("since", since.atOffset(ZoneOffset.UTC))
            .fetch()
            .rowsUpdated())
        .map(rows -> rows > 0);
  }

  /** The couple's flags, newest first. */
  Flux<SafetyFlagView> ofCouple(UUID coupleId, UUID clinicId) {
    return database
        .sql("select * from safety_flag where couple_id = :coupleId and clinic_id = :clinicId order by raised_at desc")
        .bind("coupleId", coupleId)
        .bind("clinicId", clinicId)
        .map(SafetyFlags::view)
        .all();
  }

  Mono<SafetyFlagView> find(UUID flagId) {
    return database.sql("select * from safety_flag where id = :id").bind("id", flagId).map(SafetyFlags::view).one();
  }

  /** Whether the couple has this flag at all, in whatever state. */
  Mono<Boolean> exists(UUID flagId, UUID coupleId) {
    return database.sql("select count(*) from safety_flag where id = :id and couple_id = :coupleId")
        .bind("id", flagId)
        .bind("coupleId", coupleId)
        .map(row -> row.get(0, Long.class) > 0)
        .one();
  }

  /** Acknowledges the couple's flag if it is open; false when it is not (or not theirs). */
  Mono<Boolean> acknowledge(UUID flagId, UUID coupleId, UUID staff, String note, Instant now) {
    return change(
        """
        update safety_flag set acknowledged_at = :now, acknowledged_by = :staff, acknowledgement = :note
        where id = :id and couple_id = :coupleId and acknowledged_at is null
        """, flagId, coupleId, staff, note, now);
  }

  /** Resolves the couple's flag if it is acknowledged and not resolved; false when it is not (or not theirs). */
  Mono<Boolean> resolve(UUID flagId, UUID coupleId, UUID staff, String note, Instant now) {
    return change(
        """
        update safety_flag set resolved_at = :now, resolved_by = :staff, resolution = :note
        where id = :id and couple_id = :coupleId and acknowledged_at is not null and resolved_at is null
        """, flagId, coupleId, staff, note, now);
  }

  private Mono<Boolean> change(String sql, UUID flagId, UUID coupleId, UUID staff, String note, Instant now) {
    return database.sql(sql)
        .bind("now", now.atOffset(ZoneOffset.UTC))
        .bind("staff", staff)
        .bind("note", note)
        .bind("id", flagId)
        .bind("coupleId", coupleId)
        .fetch()
        .rowsUpdated()
        .map(rows -> rows == 1);
  }

  /** The clinician's couples with flags not yet resolved, latest first. */
  Flux<CoupleSafety> unresolvedOnCaseload(UUID clinicId, UUID clinicianId) {
    return database
        .sql(
            """
            select f.couple_id, count(*) as flags, count(*) filter (where f.acknowledged_at is null) as unacknowledged,
                   max(f.raised_at) as last_raised_at
            from safety_flag f join couple c on c.couple_id = f.couple_id and c.clinic_id = f.clinic_id
            where c.clinic_id = :clinicId and c.clinician_id = :clinicianId and f.resolved_at is null
            group by f.couple_id
            order by last_raised_at desc
            """)
        .bind("clinicId", clinicId)
        .bind("clinicianId", clinicianId)
        .map(row -> new CoupleSafety(row.get("couple_id", UUID.class), row.get("flags", Long.class), row.get("unacknowledged", Long.class),
            row.get("last_raised_at", OffsetDateTime.class).toInstant()))
        .all();
  }

  private static SafetyFlagView view(Readable row) {
    Instant acknowledged = instant(row, "acknowledged_at");
    Instant resolved = instant(row, "resolved_at");
    var state = resolved != null ? SafetyFlagView.State.RESOLVED
        : acknowledged != null ? SafetyFlagView.State.ACKNOWLEDGED : SafetyFlagView.State.OPEN;
    return new SafetyFlagView(row.get("id", UUID.class), row.get("partner_id", UUID.class), instant(row, "raised_at"), state,
        acknowledged, row.get("acknowledged_by", UUID.class), row.get("acknowledgement", String.class), resolved,
        row.get("resolved_by", UUID.class), row.get("resolution", String.class));
  }

  private static Instant instant(Readable row, String column) {
    OffsetDateTime value = row.get(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
