package app.tend.checkins.repair;

import app.tend.checkins.commitment.CommitmentRequest;
import app.tend.checkins.commitment.CommitmentSchedule;
import app.tend.checkins.repair.RepairProcess.Role;
import app.tend.checkins.repair.RepairProcess.State;
import io.r2dbc.spi.Readable;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Repairs, their steps (every one kept, in order) and the actions proposed in them. */
@Repository
class RepairRepository {

  private final DatabaseClient database;

  RepairRepository(DatabaseClient database) {
    this.database = database;
  }

  /** A repair row. */
  record Row(UUID id, UUID clinicId, UUID coupleId, UUID hurt, UUID responsible, String category, int seriousness, State state,
             boolean hurtFeelsRepaired, boolean responsibleFeelsRepaired, Instant broughtToSessionAt, Instant openedAt,
             Instant closedAt) {
    Role roleOf(UUID partnerId) {
      return hurt.equals(partnerId) ? Role.HURT : Role.RESPONSIBLE;
    }
  }

  /** The couple's repairs: open ones first, then the newest. */
  Flux<Row> ofCouple(UUID coupleId, UUID clinicId) {
    return database
        .sql("select * from repair where couple_id = :coupleId and clinic_id = :clinicId order by (state = 'CLOSED'), opened_at desc")
        .bind("coupleId", coupleId)
        .bind("clinicId", clinicId)
        .map(RepairRepository::row)
        .all();
  }

  /** The couple's repair, locked for this transaction when {@code forUpdate}; empty when the couple has none with that id. */
  Mono<Row> find(UUID id, UUID coupleId, UUID clinicId, boolean forUpdate) {
    return database.sql("select * from repair where id = :id and couple_id = :coupleId and clinic_id = :clinicId"
            + (forUpdate ? " for update" : ""))
        .bind("id", id)
        .bind("coupleId", coupleId)
        .bind("clinicId", clinicId)
        .map(RepairRepository::row)
        .one();
  }

  Mono<Void> open(UUID id, UUID clinicId, UUID coupleId, UUID openedBy, UUID hurt, UUID responsible, String category, int seriousness,
      Instant now) {
    return database
        .sql(
            """
            insert into repair (id, clinic_id, couple_id, opened_by, hurt_partner_id, responsible_partner_id, category,
                                seriousness, state, opened_at, updated_at)
            values (:id, :clinicId, :coupleId, :openedBy, :hurt, :responsible, :category, :seriousness, :state, :now, :now)
            """)
        .bind("id", id)
        .bind("clinicId", clinicId)
        .bind("coupleId", coupleId)
        .bind("openedBy", openedBy)
        .bind("hurt", hurt)
        .bind("responsible", responsible)
        .bind("category", category)
        .bind("seriousness", (short) seriousness)
        .bind("state", State.IMPACT.name())
        .bind("now", utc(now))
        .then();
  }

  /** The repair's next state; {@code broughtToSession} records when it was brought to a session. */
  Mono<Void> moveOn(UUID id, State next, boolean broughtToSession, Instant now) {
    return database
        .sql(
            """
            update repair set state = :state, updated_at = :now,
                   closed_at = case when :state = 'CLOSED' then :now else closed_at end,
                   brought_to_session_at = case when :session then :now else brought_to_session_at end
            where id = :id
            """)
        .bind("state", next.name())
        .bind("now", utc(now))
        .bind("session", broughtToSession)
        .bind("id", id)
        .then();
  }

  /** The partner in {@code role} feels the repair is repaired. */
  Mono<Void> feelsRepaired(UUID id, Role role) {
    return database
        .sql(role.equals(Role.HURT)
            ? "update repair set hurt_feels_repaired = true where id = :id"
            : "update repair set responsible_feels_repaired = true where id = :id")
        .bind("id", id)
        .then();
  }

  Mono<Void> recordStep(UUID id, String kind, UUID partnerId, String words, Instant at) {
    var insert = database
        .sql(
            """
            insert into repair_step (repair_id, seq, kind, partner_id, words, at)
            select :id, coalesce(max(seq), 0) + 1, :kind, :partnerId, :words, :at from repair_step where repair_id = :id
            """)
        .bind("id", id)
        .bind("kind", kind)
        .bind("partnerId", partnerId)
        .bind("at", utc(at));
    return (words == null ? insert.bindNull("words", String.class) : insert.bind("words", words)).then();
  }

  /** The repair's steps in the order they were taken. */
  Mono<List<CoupleRepairView.Step>> steps(UUID repairId) {
    return database
        .sql("select kind, partner_id, words, at from repair_step where repair_id = :id order by seq")
        .bind("id", repairId)
        .map(step -> new CoupleRepairView.Step(step.get("kind", String.class), step.get("partner_id", UUID.class),
            step.get("words", String.class), step.get("at", OffsetDateTime.class).toInstant()))
        .all()
        .collectList();
  }

  /** The actions proposed now, in place of any proposed before. */
  Mono<Void> replaceActions(UUID id, List<CommitmentRequest> actions) {
    Mono<Void> work = database.sql("delete from repair_action where repair_id = :id").bind("id", id).then();
    for (int i = 0; i < actions.size(); i++) {
      var action = actions.get(i);
      var schedule = action.schedule();
      var insert = database
          .sql(
              """
              insert into repair_action (repair_id, seq, words, kind, due_date, due_time, day_of_week)
              values (:id, :seq, :words, :kind, :dueDate, :dueTime, :dayOfWeek)
              """)
          .bind("id", id)
          .bind("seq", i + 1)
          .bind("words", action.words().strip())
          .bind("kind", schedule.kind().name())
          .bind("dueTime", schedule.time());
      insert = schedule.date() == null ? insert.bindNull("dueDate", LocalDate.class) : insert.bind("dueDate", schedule.date());
      insert = schedule.dayOfWeek() == null
          ? insert.bindNull("dayOfWeek", Short.class) : insert.bind("dayOfWeek", (short) schedule.dayOfWeek().getValue());
      work = work.then(insert.then());
    }
    return work;
  }

  /** The actions proposed, in order. */
  Flux<CommitmentRequest> actions(UUID id) {
    return database.sql("select * from repair_action where repair_id = :id order by seq")
        .bind("id", id)
        .map(row -> {
          Short day = row.get("day_of_week", Short.class);
          return new CommitmentRequest(row.get("words", String.class), new CommitmentSchedule(
              CommitmentSchedule.Kind.valueOf(row.get("kind", String.class)), row.get("due_date", LocalDate.class),
              row.get("due_time", LocalTime.class), day == null ? null : DayOfWeek.of(day)));
        })
        .all();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static Row row(Readable row) {
    OffsetDateTime session = row.get("brought_to_session_at", OffsetDateTime.class);
    OffsetDateTime closed = row.get("closed_at", OffsetDateTime.class);
    return new Row(row.get("id", UUID.class), row.get("clinic_id", UUID.class), row.get("couple_id", UUID.class),
        row.get("hurt_partner_id", UUID.class), row.get("responsible_partner_id", UUID.class), row.get("category", String.class),
        row.get("seriousness", Short.class), State.valueOf(row.get("state", String.class)),
        Boolean.TRUE.equals(row.get("hurt_feels_repaired", Boolean.class)),
        Boolean.TRUE.equals(row.get("responsible_feels_repaired", Boolean.class)), session == null ? null : session.toInstant(),
        row.get("opened_at", OffsetDateTime.class).toInstant(), closed == null ? null : closed.toInstant());
  }
}
