package app.tend.checkins.commitment;

import app.tend.contracts.commitment.CommitmentDue;
import app.tend.platform.outbox.Outbox;
import app.tend.platform.outbox.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

  private final CommitmentRepository commitments;
  private final Outbox outbox;
  private final Transactions transactions;
  private final Clock clock;

  DueCommitments(CommitmentRepository commitments, Outbox outbox, Transactions transactions, Clock clock) {
    this.commitments = commitments;
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
    return transactions.run(() -> commitments.claimDue(now, BATCH)
        .concatMap(due -> announce(due, now).thenReturn(1))
        .reduce(0, Integer::sum));
  }

  private Mono<Void> announce(CommitmentRepository.Due due, Instant now) {
    var c = due.commitment();
    Instant dueAt = c.nextDueAt();
    LocalDate day = dueAt.atZone(due.zone()).toLocalDate();
    Instant next = c.schedule().nextDueAfter(dueAt.isBefore(now) ? now : dueAt, due.zone(), c.startsOn()).orElse(null);
    Mono<Void> moveOn = commitments.moveOn(c.id(), next);
    if (dueAt.isBefore(now.minus(TOO_LATE))) {
      return moveOn;
    }
    return commitments.claimAnnouncement(c.id(), day)
        .flatMap(claimed -> !claimed ? Mono.empty()
            : outbox.append(new CommitmentDue(c.id(), c.coupleId(), c.authorId(), c.partnerId(), day, dueAt), c.clinicId(),
                c.coupleId()).then())
        .then(moveOn);
  }

  /**
   * Due times follow the author's local time: when their time zone changes, their commitments fall
   * due at the same local time in the new zone. Runs in the transaction that records the change.
   */
  public Mono<Void> rescheduleFor(UUID authorId, ZoneId zone) {
    Instant now = clock.instant();
    return commitments.dueOfAuthor(authorId)
        .concatMap(c -> commitments.moveOn(c.id(), c.schedule().nextDueAfter(now, zone, c.startsOn()).orElse(null)))
        .then();
  }
}
