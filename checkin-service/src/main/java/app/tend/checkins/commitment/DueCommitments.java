package app.tend.checkins.commitment;

import app.tend.contracts.commitment.CommitmentDue;
import app.tend.platform.outbox.Outbox;
import app.tend.platform.outbox.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Announces each occurrence of a commitment when it falls due ({@code CommitmentDue}, for the
 * partner's nudge) and moves the commitment on to its next due time. Replicas take disjoint batches
 * ({@code skip locked}); an occurrence is announced at most once, whoever gets there first.
 */
@Component
public class DueCommitments {

  private static final Logger log = LoggerFactory.getLogger(DueCommitments.class);

  static final int BATCH = 500;

  /** After an outage, days that are this old are passed over rather than announced late. */
  static final Duration TOO_LATE = Duration.ofHours(12);

  private final DatabaseClient database;
  private final Outbox outbox;
  private final Transactions transactions;
  private final Clock clock;

  DueCommitments(DatabaseClient database, Outbox outbox, Transactions transactions, Clock clock) {
    this.database = database;
    this.outbox = outbox;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${tend.commitments.due-poll-interval:15s}")
  void announceDue() {
    try {
      int announced;
      do {
        // contextCapture: the events' outbox rows continue this run's trace.
        announced = announceBatch().contextCapture().block(Duration.ofMinutes(1));
      } while (announced == BATCH);
    } catch (RuntimeException e) {
      log.warn("could not announce due commitments ({}); will try again", e.getClass().getSimpleName());
    }
  }

  /** One batch in one transaction; answers how many commitments it moved on. */
  Mono<Integer> announceBatch() {
    Instant now = clock.instant();
    return transactions.run(() -> database
        .sql(
            """
            select c.*, p.time_zone from commitment c join partner p on p.partner_id = c.author_id
            where c.next_due_at <= :now and c.withdrawn_at is null
            order by c.next_due_at
            limit :batch
            for update of c skip locked
            """)
        .bind("now", now.atOffset(ZoneOffset.UTC))
        .bind("batch", BATCH)
        .map((row, meta) -> new Due(CommitmentRepository.stored(row), ZoneId.of(row.get("time_zone", String.class))))
        .all()
        .concatMap(due -> announce(due, now).thenReturn(1))
        .reduce(0, Integer::sum));
  }

  private record Due(CommitmentRepository.Stored commitment, ZoneId zone) {}

  private Mono<Void> announce(Due due, Instant now) {
    var c = due.commitment();
    Instant dueAt = c.nextDueAt();
    LocalDate day = dueAt.atZone(due.zone()).toLocalDate();
    Instant next = c.schedule().nextDueAfter(dueAt.isBefore(now) ? now : dueAt, due.zone(), c.startsOn()).orElse(null);
    Mono<Void> moveOn = moveOn(c.id(), next);
    if (dueAt.isBefore(now.minus(TOO_LATE))) {
      return moveOn;
    }
    return database.sql(
            """
            insert into commitment_occurrence (commitment_id, due_date, announced) values (:id, :day, true)
            on conflict (commitment_id, due_date) do update set announced = true where not commitment_occurrence.announced
            """)
        .bind("id", c.id())
        .bind("day", day)
        .fetch()
        .rowsUpdated()
        .flatMap(rows -> rows == 0 ? Mono.empty()
            : outbox.append(new CommitmentDue(c.id(), c.coupleId(), c.authorId(), c.partnerId(), day, dueAt), c.clinicId(),
                c.coupleId()).then())
        .then(moveOn);
  }

  private Mono<Void> moveOn(UUID id, Instant next) {
    var update = database.sql("update commitment set next_due_at = :next where id = :id").bind("id", id);
    return (next == null ? update.bindNull("next", OffsetDateTime.class) : update.bind("next", next.atOffset(ZoneOffset.UTC))).then();
  }

  /**
   * Due times follow the author's local time: when their time zone changes, their commitments fall
   * due at the same local time in the new zone. Runs in the transaction that records the change.
   */
  public Mono<Void> rescheduleFor(UUID authorId, ZoneId zone) {
    Instant now = clock.instant();
    return database.sql("select * from commitment where author_id = :authorId and withdrawn_at is null and next_due_at is not null")
        .bind("authorId", authorId)
        .map(CommitmentRepository::stored)
        .all()
        .concatMap(c -> moveOn(c.id(), c.schedule().nextDueAfter(now, zone, c.startsOn()).orElse(null)))
        .then();
  }
}
