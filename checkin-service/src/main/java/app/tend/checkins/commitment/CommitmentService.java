package app.tend.checkins.commitment;

import app.tend.checkins.checkin.LocalDay;
import app.tend.checkins.commitment.CommitmentRepository.OccurrenceRow;
import app.tend.checkins.commitment.CommitmentRepository.Stored;
import app.tend.checkins.couple.Partner;
import app.tend.checkins.couple.Partners;
import app.tend.contracts.commitment.CommitmentChanged;
import app.tend.contracts.commitment.CommitmentConfirmed;
import app.tend.contracts.commitment.CommitmentMade;
import app.tend.contracts.commitment.CommitmentMarked;
import app.tend.contracts.commitment.CommitmentWithdrawn;
import app.tend.platform.outbox.Outbox;
import app.tend.platform.outbox.Transactions;
import app.tend.platform.security.Caller;
import app.tend.platform.web.InvalidRequestException;
import app.tend.platform.web.NotFoundException;
import app.tend.platform.web.UnprocessableException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Commitments between the two partners of a couple: made, changed and withdrawn by their author,
 * marked kept or not by the author when due, and answered by the partner they were made to. Both
 * partners see the same commitments; anyone else gets 404.
 */
@Service
public class CommitmentService {

  private final CommitmentRepository commitments;
  private final Partners partners;
  private final Outbox outbox;
  private final Transactions transactions;
  private final Clock clock;

  CommitmentService(CommitmentRepository commitments, Partners partners, Outbox outbox, Transactions transactions, Clock clock) {
    this.commitments = commitments;
    this.partners = partners;
    this.outbox = outbox;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** The caller's commitments page: what they made, what was made to them, and their own follow-through. */
  public Mono<CommitmentsView> page(Caller caller) {
    return partners.callerAsPartner(caller).flatMap(me -> partners.otherPartnerOf(me)
        .map(Partner::timeZone).defaultIfEmpty(me.timeZone())
        .flatMap(otherZone -> commitments.ofCouple(me.coupleId()).collectList().flatMap(all -> {
          LocalDate myToday = LocalDay.today(clock, me.timeZone());
          LocalDate since = myToday.minusDays(Ledger.WINDOW_DAYS + 1L);
          return commitments.occurrences(all.stream().map(Stored::id).toList(), since).collectList().map(rows -> {
            Map<UUID, Map<LocalDate, Ledger.Recorded>> recorded = recordedByCommitment(rows);
            var byMe = new ArrayList<CommitmentView>();
            var toMe = new ArrayList<CommitmentView>();
            var mine = new ArrayList<CommitmentView.Occurrence>();
            for (Stored c : all) {
              boolean byCaller = c.authorId().equals(me.partnerId());
              ZoneId authorZone = byCaller ? me.timeZone() : otherZone;
              var view = view(c, byCaller, authorZone, recorded.getOrDefault(c.id(), Map.of()));
              (byCaller ? byMe : toMe).add(view);
              if (byCaller) {
                mine.addAll(view.occurrences());
              }
            }
            return new CommitmentsView(myToday, byMe, toMe, Ledger.followThrough(mine, myToday));
          });
        })));
  }

  /**
   * The couple's commitments for its assigned clinician (audited as {@code commitments.list}): each
   * partner's own ledger, counted in that partner's time zone, as they see it themselves.
   */
  public Mono<CoupleCommitmentsView> forClinician(Caller caller, UUID coupleId) {
    return partners.assignedToCaller(caller, coupleId, "commitments.list").flatMap(couple -> Flux.fromIterable(couple.partners())
        .concatMap(member -> partners.find(member.partnerId()))
        .collectList()
        .flatMap(members -> commitments.ofCouple(coupleId).collectList().flatMap(all -> {
          LocalDate since = LocalDay.today(clock, ZoneOffset.UTC).minusDays(Ledger.WINDOW_DAYS + 2L);
          return commitments.occurrences(all.stream().map(Stored::id).toList(), since).collectList().map(rows -> {
            Map<UUID, Map<LocalDate, Ledger.Recorded>> recorded = recordedByCommitment(rows);
            var ledgers = new ArrayList<CoupleCommitmentsView.PartnerLedger>();
            for (Partner member : members) {
              LocalDate today = LocalDay.today(clock, member.timeZone());
              var made = all.stream().filter(c -> c.authorId().equals(member.partnerId()))
                  .map(c -> view(c, true, member.timeZone(), recorded.getOrDefault(c.id(), Map.of())))
                  .toList();
              var occurrences = made.stream().flatMap(view -> view.occurrences().stream()).toList();
              ledgers.add(new CoupleCommitmentsView.PartnerLedger(member.partnerId(), today, made,
                  Ledger.followThrough(occurrences, today)));
            }
            return new CoupleCommitmentsView(ledgers);
          });
        })));
  }

  private static Map<UUID, Map<LocalDate, Ledger.Recorded>> recordedByCommitment(List<OccurrenceRow> rows) {
    var map = new HashMap<UUID, Map<LocalDate, Ledger.Recorded>>();
    for (OccurrenceRow row : rows) {
      map.computeIfAbsent(row.commitmentId(), id -> new HashMap<>())
          .put(row.dueDate(), new Ledger.Recorded(row.kept(), row.noticed()));
    }
    return map;
  }

  private CommitmentView view(Stored c, boolean byCaller, ZoneId authorZone, Map<LocalDate, Ledger.Recorded> recorded) {
    LocalDate authorToday = LocalDay.today(clock, authorZone);
    var occurrences = Ledger.occurrences(c.schedule(), c.startsOn(), c.withdrawn(), recorded, authorToday);
    boolean changeable = !c.withdrawn() && recorded.values().stream().allMatch(r -> r.kept() == null);
    LocalDate nextDue = c.nextDueAt() == null ? null : c.nextDueAt().atZone(authorZone).toLocalDate();
    return new CommitmentView(c.id(), byCaller, c.words(), c.schedule(), c.createdAt(), c.withdrawn(), changeable, nextDue,
        occurrences);
  }

  /** Makes a commitment from the caller to their partner. */
  public Mono<CommitmentView> make(Caller caller, CommitmentRequest request) {
    return partners.callerAsPartner(caller).flatMap(me -> partners.otherPartnerOf(me)
        .switchIfEmpty(Mono.error(() -> new UnprocessableException("Your partner has not joined yet",
            "A commitment is made to your partner, so it can be made once they have joined Tend.")))
        .flatMap(other -> {
          refuseUnlessValid(List.of(request), LocalDay.today(clock, me.timeZone()));
          return transactions.run(() -> store(me, other.partnerId(), request, null));
        })
        .map(stored -> view(stored, true, me.timeZone(), Map.of())));
  }

  /**
   * Stores a commitment from {@code author} to {@code partnerId} with its {@code CommitmentMade};
   * must run inside the caller's transaction. Refuses (400) what {@link #refuseUnlessValid} would.
   *
   * @param repairId the repair whose agreed action it is
   * @return the new commitment's id
   */
  public Mono<UUID> makeWithin(Partner author, UUID partnerId, CommitmentRequest request, UUID repairId) {
    return store(author, partnerId, request, repairId).map(Stored::id);
  }

  private Mono<Stored> store(Partner author, UUID partnerId, CommitmentRequest request, UUID repairId) {
    return Mono.defer(() -> {
      Instant now = clock.instant();
      LocalDate today = LocalDay.today(clock, author.timeZone());
      refuseUnlessValid(List.of(request), today);
      Instant firstDue = firstDue(request.schedule(), now, author.timeZone(), today);
      var stored = new Stored(UUID.randomUUID(), author.clinicId(), author.coupleId(), author.partnerId(), partnerId,
          request.words().strip(), request.schedule(), today, now, null, firstDue);
      return commitments.insert(stored, repairId)
          .then(outbox.append(new CommitmentMade(stored.id(), author.coupleId(), author.partnerId(), partnerId,
              request.schedule().kind().name(), firstDue), author.clinicId(), author.coupleId()))
          .thenReturn(stored);
    });
  }

  /** Changes words and schedule; only its author, and only until an occurrence of it was marked. */
  public Mono<CommitmentView> change(Caller caller, UUID id, CommitmentRequest request) {
    return authorsOwn(caller, id).flatMap(found -> {
      Partner me = found.me();
      Instant now = clock.instant();
      LocalDate today = LocalDay.today(clock, me.timeZone());
      refuseUnlessValid(List.of(request), today);
      String words = request.words().strip();
      Instant nextDue = firstDue(request.schedule(), now, me.timeZone(), today);
      // A repeating commitment starts again from today, so days before the change are not owed under the new schedule.
      return transactions.run(() -> commitments.change(id, words, request.schedule(), today, nextDue)
              .flatMap(changed -> changed
                  ? outbox.append(new CommitmentChanged(id, me.coupleId(), me.partnerId(), found.commitment().partnerId(),
                      request.schedule().kind().name(), nextDue), me.clinicId(), me.coupleId()).thenReturn(true)
                  : Mono.error(found.commitment().withdrawn() ? withdrawnAlready() : new UnprocessableException(
                      "This commitment has been marked",
                      "Once a day of it has been marked it stays as it was, so your history stays true. "
                          + "You can withdraw it and make a new one."))))
          .then(commitments.find(id, me.coupleId()))
          .map(stored -> view(stored, true, me.timeZone(), Map.of()));
    });
  }

  /** Withdraws a commitment: it falls due no more; what was marked stays. Withdrawing twice is fine. */
  public Mono<Void> withdraw(Caller caller, UUID id) {
    return authorsOwn(caller, id).flatMap(found -> transactions.run(() -> {
      Instant now = clock.instant();
      return commitments.withdraw(id, now).flatMap(withdrawn -> withdrawn
          ? outbox.append(new CommitmentWithdrawn(id, found.me().coupleId(), found.me().partnerId(), found.commitment().partnerId(), now),
              found.me().clinicId(), found.me().coupleId()).thenReturn(true)
          : Mono.just(false));
    })).then();
  }

  /** The author marks one due day kept or not kept. */
  public Mono<CommitmentView.Occurrence> mark(Caller caller, UUID id, LocalDate day, Boolean kept) {
    if (kept == null) {
      return Mono.error(new InvalidRequestException("Please say whether you kept it (true) or not (false)."));
    }
    return authorsOwn(caller, id).flatMap(found -> {
      Stored c = found.commitment();
      LocalDate today = LocalDay.today(clock, found.me().timeZone());
      if (c.withdrawn()) {
        return Mono.error(withdrawnAlready());
      }
      refuseUnlessOpen(c, day, today);
      return transactions.run(() -> commitments.occurrence(id, day)
              .filter(existing -> existing.noticed() != null)
              .flatMap(answered -> Mono.<Boolean>error(new UnprocessableException("Your partner has answered this day",
                  "Your partner has already answered how this day went, so your mark stays as it was.")))
              .switchIfEmpty(commitments.mark(id, day, kept, clock.instant()))
              .flatMap(changed -> changed
                  ? outbox.append(new CommitmentMarked(id, c.coupleId(), c.authorId(), c.partnerId(), day, kept), c.clinicId(),
                      c.coupleId()).thenReturn(true)
                  : Mono.just(false)))
          .then(occurrenceView(c, found.me().timeZone(), day));
    });
  }

  /** The partner a commitment was made to answers a marked day: they noticed it, or see it differently. */
  public Mono<CommitmentView.Occurrence> answer(Caller caller, UUID id, LocalDate day, Boolean noticed) {
    if (noticed == null) {
      return Mono.error(new InvalidRequestException("Please say whether you noticed it (true) or see it differently (false)."));
    }
    return partners.callerAsPartner(caller).flatMap(me -> commitments.find(id, me.coupleId())
        .switchIfEmpty(Mono.error(() -> notFound()))
        .flatMap(c -> {
          if (!c.partnerId().equals(me.partnerId())) {
            return Mono.error(new UnprocessableException("This is your own commitment",
                "Your partner answers how your commitments went; you mark them kept or not."));
          }
          return partners.otherPartnerOf(me).map(Partner::timeZone).defaultIfEmpty(me.timeZone()).flatMap(authorZone -> {
            LocalDate authorToday = LocalDay.today(clock, authorZone);
            refuseUnlessOpen(c, day, authorToday);
            return transactions.run(() -> commitments.occurrence(id, day)
                    .filter(existing -> existing.kept() != null)
                    .switchIfEmpty(Mono.error(() -> new UnprocessableException("Not marked yet",
                        "Your partner has not marked this day yet. You can answer once they have.")))
                    .then(commitments.answer(id, day, noticed, clock.instant()))
                    .flatMap(changed -> changed
                        ? outbox.append(new CommitmentConfirmed(id, c.coupleId(), c.authorId(), c.partnerId(), day, noticed),
                            c.clinicId(), c.coupleId()).thenReturn(true)
                        : Mono.just(false)))
                .then(occurrenceView(c, authorZone, day));
          });
        }));
  }

  private Mono<CommitmentView.Occurrence> occurrenceView(Stored c, ZoneId authorZone, LocalDate day) {
    return commitments.occurrences(List.of(c.id()), day).collectList().map(rows -> {
      var recorded = recordedByCommitment(rows).getOrDefault(c.id(), Map.of());
      var today = LocalDay.today(clock, authorZone);
      return Ledger.occurrences(c.schedule(), c.startsOn(), c.withdrawn(), recorded, today).stream()
          .filter(o -> o.dueDate().equals(day)).findFirst().orElseThrow();
    });
  }

  private record Found(Partner me, Stored commitment) {}

  /** The caller's own commitment; someone else's in the couple is refused plainly, anything else is 404. */
  private Mono<Found> authorsOwn(Caller caller, UUID id) {
    return partners.callerAsPartner(caller).flatMap(me -> commitments.find(id, me.coupleId())
        .switchIfEmpty(Mono.error(() -> notFound()))
        .flatMap(c -> c.authorId().equals(me.partnerId())
            ? Mono.just(new Found(me, c))
            : Mono.error(new UnprocessableException("This commitment is your partner's",
                "Only the partner who made a commitment changes, withdraws or marks it. You can answer it once it is marked."))));
  }

  private static void refuseUnlessOpen(Stored c, LocalDate day, LocalDate authorToday) {
    if (day.isAfter(authorToday)) {
      throw new UnprocessableException("Not due yet", "That day has not come yet. It can be marked on the day.");
    }
    if (!c.schedule().isDueOn(day, c.startsOn())) {
      throw new UnprocessableException("Not a day it was due", "This commitment was not due on " + day + ".");
    }
    if (!Ledger.isOpen(day, authorToday)) {
      throw new UnprocessableException("Too long ago",
          "Days can be marked and answered for " + Ledger.OPEN_FOR_DAYS + " days; " + day + " is further back.");
    }
  }

  /**
   * Refuses (400, in words) commitments that cannot be made by an author whose local today is
   * {@code today}, naming the one at fault when there are several.
   */
  public static void refuseUnlessValid(List<CommitmentRequest> requests, LocalDate today) {
    var problems = new ArrayList<String>();
    for (int i = 0; i < requests.size(); i++) {
      CommitmentRequest request = requests.get(i);
      String prefix = requests.size() > 1 ? "action " + (i + 1) + ": " : "";
      String words = request == null || request.words() == null ? "" : request.words().strip();
      if (words.isEmpty()) {
        problems.add(prefix + "please say what you commit to");
      } else if (words.length() > CommitmentRequest.MAX_WORDS) {
        problems.add(prefix + "a commitment can be at most " + CommitmentRequest.MAX_WORDS + " characters: small and concrete works best");
      } else if (words.chars().anyMatch(Character::isISOControl)) {
        problems.add(prefix + "please write the commitment on one line");
      }
      CommitmentSchedule.problems(request == null ? null : request.schedule(), today).forEach(problem -> problems.add(prefix + problem));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException("Please check: " + String.join("; ", problems) + ".");
    }
  }

  private static Instant firstDue(CommitmentSchedule schedule, Instant now, ZoneId zone, LocalDate today) {
    return schedule.nextDueAfter(now, zone, today).orElseThrow(() -> new InvalidRequestException(
        "Please check: that time has already passed today."));
  }

  private static UnprocessableException withdrawnAlready() {
    return new UnprocessableException("This commitment was withdrawn", "It was withdrawn, so it stays as it was.");
  }

  private static NotFoundException notFound() {
    return new NotFoundException("There is no commitment here with that id.");
  }
}
