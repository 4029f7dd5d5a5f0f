package app.tend.checkins.safety;

import app.tend.checkins.couple.Partner;
import app.tend.checkins.couple.Partners;
import app.tend.contracts.TendEvent;
import app.tend.contracts.checkin.SafetyConcernRaised;
import app.tend.contracts.checkin.SafetyFlagAcknowledged;
import app.tend.contracts.checkin.SafetyFlagResolved;
import app.tend.platform.audit.AuditLog;
import app.tend.platform.outbox.Outbox;
import app.tend.platform.outbox.Transactions;
import app.tend.platform.security.Caller;
import app.tend.platform.web.InvalidRequestException;
import app.tend.platform.web.NotFoundException;
import app.tend.platform.web.UnprocessableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * "I don't feel safe": a partner raises a flag that only clinic staff learn of, at once, through
 * the outbox. Nothing the other partner can reach reads the flags, and the partner who raised it gets
 * the same plain answer whatever happened, so their own screen gives nothing away either.
 */
@Service
public class SafetyConcerns {

  private static final Logger log = LoggerFactory.getLogger(SafetyConcerns.class);

  /** A second tap within this time is the same concern, not a new one. */
  static final Duration SAME_CONCERN = Duration.ofMinutes(2);

  private final SafetyFlags flags;
  private final Partners partners;
  private final Outbox outbox;
  private final Transactions transactions;
  private final Clock clock;
  private final AuditLog audit;

  SafetyConcerns(SafetyFlags flags, Partners partners, Outbox outbox, Transactions transactions, Clock clock, AuditLog audit) {
    this.audit = audit;
    this.flags = flags;
    this.partners = partners;
    this.outbox = outbox;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Raises a flag for the calling partner and records {@code SafetyConcernRaised} with it. */
  public Mono<Void> raise(Caller caller) {
    return partners.callerAsPartner(caller).flatMap(this::raise);
  }

  private Mono<Void> raise(Partner partner) {
    Instant now = clock.instant();
    UUID flagId = UUID.randomUUID();
    return transactions.run(() -> flags.raise(flagId, partner, now, now.minus(SAME_CONCERN))
            .flatMap(raised -> !raised
                ? Mono.just(false)
                : outbox.append(new SafetyConcernRaised(flagId, partner.coupleId(), partner.partnerId(), now),
                    partner.clinicId(), partner.coupleId()).thenReturn(true)))
        // Ids only; whether it was a repeat tells ops why no new flag appeared. Logged in handle, where
        // the request's trace and request ids are on the thread.
        .handle((raised, nothing) ->
            log.info("safety concern in couple {}: {}", partner.coupleId(), raised ? "flag " + flagId + " raised" : "repeat"));
  }

  /** The couple's safety flags, newest first, for the clinician assigned to it; audited. */
  public Flux<SafetyFlagView> flagsOf(Caller caller, UUID coupleId) {
    return partners.assignedToCaller(caller, coupleId, "safety-flags.list")
        .flatMapMany(couple -> flags.ofCouple(coupleId, couple.clinicId()));
  }

  /** The assigned clinician acknowledges an open flag with a note; answers the flag as it now stands. */
  public Mono<SafetyFlagView> acknowledge(Caller caller, UUID coupleId, UUID flagId, String note) {
    return handle(caller, coupleId, flagId, note, "safety-flags.acknowledge",
        (words, at) -> flags.acknowledge(flagId, coupleId, caller.subject(), words, at),
        (flag, at) -> new SafetyFlagAcknowledged(flagId, coupleId, caller.subject(), at),
        new UnprocessableException("Already acknowledged", "This flag has been acknowledged already; you can resolve it."));
  }

  /** The assigned clinician resolves an acknowledged flag with a note; the history stays. */
  public Mono<SafetyFlagView> resolve(Caller caller, UUID coupleId, UUID flagId, String note) {
    return handle(caller, coupleId, flagId, note, "safety-flags.resolve",
        (words, at) -> flags.resolve(flagId, coupleId, caller.subject(), words, at),
        (flag, at) -> new SafetyFlagResolved(flagId, coupleId, caller.subject(), at),
        new UnprocessableException("Not ready to resolve", "A flag is acknowledged first, and resolved once; this one is not open to that."));
  }

  /**
   * Makes {@code change} to the flag with the clinician's note, in one transaction with its event;
   * a change that finds the flag in another state is refused, one that finds no such flag is a 404.
   */
  private Mono<SafetyFlagView> handle(Caller caller, UUID coupleId, UUID flagId, String note, String action,
      BiFunction<String, Instant, Mono<Boolean>> change, BiFunction<UUID, Instant, TendEvent> event, UnprocessableException refusal) {
    String words = note == null ? "" : note.strip();
    if (words.isEmpty() || words.length() > 2000) {
      return Mono.error(new InvalidRequestException("Please check: a note of 1 to 2000 characters says what was done."));
    }
    return partners.assignedToCaller(caller, coupleId, action).flatMap(couple -> transactions.run(() -> {
      Instant now = clock.instant();
      return change.apply(words, now)
          .flatMap(changed -> changed
              ? outbox.append(event.apply(flagId, now), couple.clinicId(), coupleId).then()
              : flags.exists(flagId, coupleId)
                  .flatMap(found -> Mono.error(found ? refusal : new NotFoundException("There is no flag here with that id."))));
    })).then(flags.find(flagId));
  }

  /**
   * The couples assigned to the calling clinician that have safety flags not yet resolved, latest first, so the
   * caseload can put them on top; each couple listed is audited as read.
   */
  public Flux<CoupleSafety> onCaseload(Caller caller) {
    if (!caller.has(Caller.CLINICIAN) || caller.clinicId().isEmpty()) {
      return Flux.error(new NotFoundException("There is nothing here for you."));
    }
    UUID clinicId = caller.clinicId().get();
    return flags.unresolvedOnCaseload(clinicId, caller.subject())
        .concatMap(couple -> audit.coupleDataRead(caller, clinicId, "safety-flags.caseload", couple.coupleId()).thenReturn(couple));
  }
}
