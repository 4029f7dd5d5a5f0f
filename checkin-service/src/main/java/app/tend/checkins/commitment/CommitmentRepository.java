package app.tend.checkins.commitment;

import io.r2dbc.spi.Readable;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Commitment rows and the ledger of their occurrences. */
@Repository
class CommitmentRepository {

  private final DatabaseClient database;

  CommitmentRepository(DatabaseClient database) {
    this.database = database;
  }

  /** A stored commitment. */
  record Stored(UUID id, UUID clinicId, UUID coupleId, UUID authorId, UUID partnerId, String words, CommitmentSchedule schedule,
                LocalDate startsOn, Instant createdAt, Instant withdrawnAt, Instant nextDueAt) {
    boolean withdrawn() {
      return withdrawnAt != null;
    }
  }

  /** An occurrence row. */
  record OccurrenceRow(UUID commitmentId, LocalDate dueDate, Boolean kept, Boolean noticed) {}

  /** Stores a new commitment; {@code repairId} names the repair it came from, or is null. */
  /** A commitment due, with its author's time zone, in which its days are counted. */
  record Due(Stored commitment, ZoneId zone) {}

  /**
   * Up to {@code batch} commitments due by {@code now}, oldest first, locked for this transaction;
   * those another replica holds are passed over.
   */
  Flux<Due> claimDue(Instant now, int batch) {
    return database
        .sql(
            """
            select c.*, p.time_zone from commitment c join partner p on p.partner_id = c.author_id
            where c.next_due_at <= :now and c.withdrawn_at is null
            order by c.next_due_at
            limit :batch
            for update of c skip locked
            """)
        .bind("now", utc(now))
        .bind("batch", batch)
        .map((row, meta) -> new Due(stored(row), ZoneId.of(row.get("time_zone", String.class))))
        .all();
  }

  /** Claims the announcement of the commitment's day; false when it was announced already. */
  Mono<Boolean> claimAnnouncement(UUID commitmentId, LocalDate day) {
    return database.sql(
            """
            insert into commitment_occurrence (commitment_id, due_date, announced) values (:id, :day, true)
            on conflict (commitment_id, due_date) do update set announced = true where not commitment_occurrence.announced
            """)
        .bind("id", commitmentId)
        .bind("day", day)
        .fetch()
        .rowsUpdated()
        .map(rows -> rows > 0);
  }

  /** When the commitment falls due next; null when never again. */
  Mono<Void> moveOn(UUID id, Instant next) {
    var update = database.sql("update commitment set next_due_at = :next where id = :id").bind("id", id);
    return (next == null ? update.bindNull("next", OffsetDateTime.class) : update.bind("next", utc(next))).then();
  }

  /** The author's commitments that will fall due again. */
  Flux<Stored> dueOfAuthor(UUID authorId) {
    return database.sql("select * from commitment where author_id = :authorId and withdrawn_at is null and next_due_at is not null")
        .bind("authorId", authorId)
        .map(CommitmentRepository::stored)
        .all();
  }

  Mono<Void> insert(Stored c, UUID repairId) {
    var spec = database.sql(
            """
            insert into commitment (id, clinic_id, couple_id, author_id, partner_id, words, kind, due_date, due_time, day_of_week,
                                    starts_on, created_at, next_due_at, repair_id)
            values (:id, :clinicId, :coupleId, :authorId, :partnerId, :words, :kind, :dueDate, :dueTime, :dayOfWeek,
                    :startsOn, :createdAt, :nextDueAt, :repairId)
            """)
        .bind("id", c.id())
        .bind("clinicId", c.clinicId())
        .bind("coupleId", c.coupleId())
        .bind("authorId", c.authorId())
        .bind("partnerId", c.partnerId())
        .bind("words", c.words())
        .bind("startsOn", c.startsOn())
        .bind("createdAt", utc(c.createdAt()));
    spec = repairId == null ? spec.bindNull("repairId", UUID.class) : spec.bind("repairId", repairId);
    return schedule(spec, c.schedule(), c.nextDueAt()).then();
  }

  /** Replaces words and schedule, unless an occurrence was marked in the meantime; answers whether it did. */
  Mono<Boolean> change(UUID id, String words, CommitmentSchedule schedule, LocalDate startsOn, Instant nextDueAt) {
    var spec = database.sql(
            """
            update commitment set words = :words, kind = :kind, due_date = :dueDate, due_time = :dueTime,
                   day_of_week = :dayOfWeek, starts_on = :startsOn, next_due_at = :nextDueAt
            where id = :id and withdrawn_at is null
              and not exists (select 1 from commitment_occurrence o where o.commitment_id = :id and o.kept is not null)
            """)
        .bind("id", id)
        .bind("words", words)
        .bind("startsOn", startsOn);
    return schedule(spec, schedule, nextDueAt).fetch().rowsUpdated().map(rows -> rows > 0);
  }

  private static DatabaseClient.GenericExecuteSpec schedule(
      DatabaseClient.GenericExecuteSpec spec, CommitmentSchedule schedule, Instant nextDueAt) {
    spec = spec.bind("kind", schedule.kind().name()).bind("dueTime", schedule.time());
    spec = schedule.date() == null ? spec.bindNull("dueDate", LocalDate.class) : spec.bind("dueDate", schedule.date());
    spec = schedule.dayOfWeek() == null
        ? spec.bindNull("dayOfWeek", Short.class) : spec.bind("dayOfWeek", (short) schedule.dayOfWeek().getValue());
    return nextDueAt == null ? spec.bindNull("nextDueAt", OffsetDateTime.class) : spec.bind("nextDueAt", utc(nextDueAt));
  }

  /** Withdraws it; answers whether this call did (false when it was withdrawn already). */
  Mono<Boolean> withdraw(UUID id, Instant at) {
    return database.sql("update commitment set withdrawn_at = :at, next_due_at = null where id = :id and withdrawn_at is null")
        .bind("id", id)
        .bind("at", utc(at))
        .fetch()
        .rowsUpdated()
        .map(rows -> rows > 0);
  }

  /** The commitment, if it belongs to the couple. */
  Mono<Stored> find(UUID id, UUID coupleId) {
    return database.sql("select * from commitment where id = :id and couple_id = :coupleId")
        .bind("id", id)
        .bind("coupleId", coupleId)
        .map(CommitmentRepository::stored)
        .one();
  }

  Flux<Stored> ofCouple(UUID coupleId) {
    return database.sql("select * from commitment where couple_id = :coupleId order by created_at desc")
        .bind("coupleId", coupleId)
        .map(CommitmentRepository::stored)
        .all();
  }

  Flux<OccurrenceRow> occurrences(Collection<UUID> commitmentIds, LocalDate since) {
    if (commitmentIds.isEmpty()) {
      return Flux.empty();
    }
    return database.sql(
            "select commitment_id, due_date, kept, noticed from commitment_occurrence where commitment_id = any(:ids) and due_date >= :since")
        .bind("ids", commitmentIds.toArray(UUID[]::new))
        .bind("since", since)
        .map(row -> new OccurrenceRow(row.get("commitment_id", UUID.class), row.get("due_date", LocalDate.class),
            row.get("kept", Boolean.class), row.get("noticed", Boolean.class)))
        .all();
  }

  Mono<OccurrenceRow> occurrence(UUID commitmentId, LocalDate day) {
    return occurrences(java.util.List.of(commitmentId), day).filter(row -> row.dueDate().equals(day)).next();
  }

  /**
   * Marks an occurrence, unless the other partner has answered it already.
   *
   * @return whether the mark now differs from before (false: unchanged, or refused because answered)
   */
  Mono<Boolean> mark(UUID commitmentId, LocalDate day, boolean kept, Instant at) {
    return database.sql(
            """
            insert into commitment_occurrence (commitment_id, due_date, kept, marked_at) values (:id, :day, :kept, :at)
            on conflict (commitment_id, due_date) do update set kept = excluded.kept, marked_at = excluded.marked_at
            where commitment_occurrence.noticed is null and commitment_occurrence.kept is distinct from excluded.kept
            """)
        .bind("id", commitmentId)
        .bind("day", day)
        .bind("kept", kept)
        .bind("at", utc(at))
        .fetch()
        .rowsUpdated()
        .map(rows -> rows > 0);
  }

  /** Records the other partner's answer to a marked occurrence; answers whether it changed anything. */
  Mono<Boolean> answer(UUID commitmentId, LocalDate day, boolean noticed, Instant at) {
    return database.sql(
            """
            update commitment_occurrence set noticed = :noticed, responded_at = :at
            where commitment_id = :id and due_date = :day and kept is not null and noticed is distinct from :noticed
            """)
        .bind("id", commitmentId)
        .bind("day", day)
        .bind("noticed", noticed)
        .bind("at", utc(at))
        .fetch()
        .rowsUpdated()
        .map(rows -> rows > 0);
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  static Stored stored(Readable row) {
    Short day = row.get("day_of_week", Short.class);
    var schedule = new CommitmentSchedule(CommitmentSchedule.Kind.valueOf(row.get("kind", String.class)),
        row.get("due_date", LocalDate.class), row.get("due_time", LocalTime.class), day == null ? null : DayOfWeek.of(day));
    OffsetDateTime withdrawn = row.get("withdrawn_at", OffsetDateTime.class);
    OffsetDateTime next = row.get("next_due_at", OffsetDateTime.class);
    return new Stored(row.get("id", UUID.class), row.get("clinic_id", UUID.class), row.get("couple_id", UUID.class),
        row.get("author_id", UUID.class), row.get("partner_id", UUID.class), row.get("words", String.class), schedule,
        row.get("starts_on", LocalDate.class), row.get("created_at", OffsetDateTime.class).toInstant(),
        withdrawn == null ? null : withdrawn.toInstant(), next == null ? null : next.toInstant());
  }
}
