package app.tend.checkins.repair;

import app.tend.checkins.checkin.LocalDay;
import app.tend.checkins.commitment.CommitmentRequest;
import app.tend.checkins.commitment.CommitmentService;
import app.tend.checkins.couple.Partner;
import app.tend.checkins.couple.Partners;
import app.tend.checkins.repair.RepairProcess.Next;
import app.tend.checkins.repair.RepairProcess.Refused;
import app.tend.checkins.repair.RepairProcess.Role;
import app.tend.checkins.repair.RepairProcess.State;
import app.tend.checkins.repair.RepairProcess.Step;
import app.tend.contracts.repair.RepairBroughtToSession;
import app.tend.contracts.repair.RepairClosed;
import app.tend.contracts.repair.RepairOpened;
import app.tend.contracts.repair.RepairStepTaken;
import app.tend.platform.outbox.Outbox;
import app.tend.platform.outbox.Transactions;
import app.tend.platform.security.Caller;
import app.tend.platform.web.InvalidRequestException;
import app.tend.platform.web.NotFoundException;
import app.tend.platform.web.UnprocessableException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Repairs after a breach: opened by either partner, walked through step by step in the order of
 * {@link RepairProcess}, seen the same by both. Each step is stored with its event in one
 * transaction, under a lock on the repair, so two partners acting at once still take turns.
 */
@Service
public class RepairService {

  static final int MAX_WORDS = 2000;
  static final int MAX_ACTIONS = 5;
  static final Set<String> CATEGORIES = Set.of("LIE_OR_CONCEALMENT", "BROKEN_PROMISE", "HURTFUL_WORDS", "OTHER");

  private final RepairRepository repairs;
  private final Partners partners;
  private final CommitmentService commitments;
  private final Outbox outbox;
  private final Transactions transactions;
  private final Clock clock;

  RepairService(RepairRepository repairs, Partners partners, CommitmentService commitments, Outbox outbox, Transactions transactions,
      Clock clock) {
    this.repairs = repairs;
    this.partners = partners;
    this.commitments = commitments;
    this.outbox = outbox;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** The caller's couple's repairs: open ones first, then the newest. */
  public Flux<RepairView> list(Caller caller) {
    return partners.callerAsPartner(caller).flatMapMany(me -> repairs.ofCouple(me.coupleId(), me.clinicId())
        .concatMap(row -> view(row, me.partnerId())));
  }

  /** The couple's repairs with every step, for its assigned clinician (audited as {@code repairs.list}): open ones first. */
  public Flux<CoupleRepairView> forClinician(Caller caller, UUID coupleId) {
    return partners.assignedToCaller(caller, coupleId, "repairs.list").flatMapMany(couple -> repairs.ofCouple(coupleId, couple.clinicId())
        .concatMap(row -> Mono.zip(repairs.steps(row.id()), repairs.actions(row.id()).collectList(), (steps, actions) -> new CoupleRepairView(
            row.id(), row.category(), row.seriousness(), row.state(), row.hurt(), row.responsible(), row.hurtFeelsRepaired(),
            row.responsibleFeelsRepaired(), row.broughtToSessionAt(), row.openedAt(), row.closedAt(), steps, actions))));
  }

  public Mono<RepairView> one(Caller caller, UUID id) {
    return partners.callerAsPartner(caller).flatMap(me -> find(id, me, false).flatMap(row -> view(row, me.partnerId())));
  }

  /** Opens a repair; the caller says whether they were hurt or take responsibility. */
  public Mono<RepairView> open(Caller caller, RepairRequests.Open request) {
    var problems = new ArrayList<String>();
    if (request == null || request.category() == null || !CATEGORIES.contains(request.category())) {
      problems.add("please choose what happened: a lie or concealment, a broken promise, hurtful words, or something else");
    }
    if (request == null || request.seriousness() == null || request.seriousness() < 1 || request.seriousness() > 5) {
      problems.add("please say how serious it felt, from 1 (a little) to 5 (very)");
    }
    if (request == null || request.iWasHurt() == null) {
      problems.add("please say whether you were hurt, or you hurt your partner");
    }
    if (!problems.isEmpty()) {
      return Mono.error(new InvalidRequestException("Please check: " + String.join("; ", problems) + "."));
    }
    return partners.callerAsPartner(caller).flatMap(me -> partners.otherPartnerOf(me)
        .switchIfEmpty(Mono.error(() -> new UnprocessableException("Your partner has not joined yet",
            "A repair is walked through together, so it can be opened once your partner has joined Tend.")))
        .flatMap(other -> {
          UUID id = UUID.randomUUID();
          UUID hurt = request.iWasHurt() ? me.partnerId() : other.partnerId();
          UUID responsible = request.iWasHurt() ? other.partnerId() : me.partnerId();
          Instant now = clock.instant();
          return transactions.run(() -> repairs
                  .open(id, me.clinicId(), me.coupleId(), me.partnerId(), hurt, responsible, request.category(), request.seriousness(), now)
                  .then(repairs.recordStep(id, "OPENED", me.partnerId(), null, now))
                  .then(outbox.append(new RepairOpened(id, me.coupleId(), me.partnerId(), hurt, responsible, request.category(),
                      request.seriousness()), me.clinicId(), me.coupleId())))
              .then(one(caller, id));
        }));
  }

  public Mono<RepairView> describeImpact(Caller caller, UUID id, RepairRequests.Words request) {
    return step(caller, id, Step.IMPACT_DESCRIBED, requiredWords(request, "please describe how it affected you"), null);
  }

  public Mono<RepairView> acknowledge(Caller caller, UUID id, RepairRequests.Words request) {
    return step(caller, id, Step.ACKNOWLEDGED, requiredWords(request, "please say it in your own words"), null);
  }

  public Mono<RepairView> proposeActions(Caller caller, UUID id, RepairRequests.Actions request) {
    List<CommitmentRequest> actions = request == null || request.actions() == null ? List.of() : request.actions();
    if (actions.isEmpty() || actions.size() > MAX_ACTIONS) {
      return Mono.error(new InvalidRequestException("Please check: propose 1 to " + MAX_ACTIONS + " repair actions."));
    }
    return partners.callerAsPartner(caller).flatMap(me -> {
      CommitmentService.refuseUnlessValid(actions, LocalDay.today(clock, me.timeZone()));
      return step(caller, id, Step.ACTIONS_PROPOSED, null, (row, ignored) -> repairs.replaceActions(id, actions));
    });
  }

  public Mono<RepairView> answerActions(Caller caller, UUID id, RepairRequests.Agreement request) {
    if (request == null || request.agreed() == null) {
      return Mono.error(new InvalidRequestException("Please say whether these actions would help (agreed: true) or not yet (false)."));
    }
    if (request.agreed()) {
      // The agreed actions become the responsible partner's commitments to the hurt partner.
      return step(caller, id, Step.ACTIONS_AGREED, null, (row, me) -> partners.find(row.responsible())
          .switchIfEmpty(Mono.error(() -> new UnprocessableException("Your partner is no longer here",
              "Your partner has left Tend, so the actions cannot become their commitments.")))
          .flatMapMany(responsible -> repairs.actions(id).concatMap(action ->
              commitments.makeWithin(responsible, row.hurt(), action, id)))
          .then());
    }
    return step(caller, id, Step.CHANGES_ASKED, optionalWords(request.words()), null);
  }

  public Mono<RepairView> feelsRepaired(Caller caller, UUID id) {
    return step(caller, id, Step.FEELS_REPAIRED, null, (row, me) -> repairs.feelsRepaired(id, row.roleOf(me)));
  }

  /** Flags the repair for the couple's next session. Asking again changes nothing. */
  public Mono<RepairView> bringToSession(Caller caller, UUID id) {
    return step(caller, id, Step.BROUGHT_TO_SESSION, null, null);
  }

  /** What a step does besides moving the state on: runs in the step's transaction, with the repair locked. */
  private interface SideEffect {
    Mono<Void> apply(RepairRepository.Row row, UUID partnerId);
  }

  private Mono<RepairView> step(Caller caller, UUID id, Step step, String words, SideEffect sideEffect) {
    return partners.callerAsPartner(caller).flatMap(me -> transactions.run(() -> find(id, me, true).flatMap(row -> {
      Role role = row.roleOf(me.partnerId());
      boolean otherFeelsRepaired = role == Role.HURT ? row.responsibleFeelsRepaired() : row.hurtFeelsRepaired();
      var outcome = RepairProcess.take(row.state(), role, step, otherFeelsRepaired);
      if (outcome instanceof Refused refused) {
        return Mono.error(new UnprocessableException(refused.title(), refused.detail()));
      }
      State next = ((Next) outcome).state();
      boolean iFeelRepaired = role == Role.HURT ? row.hurtFeelsRepaired() : row.responsibleFeelsRepaired();
      if (step == Step.BROUGHT_TO_SESSION && row.broughtToSessionAt() != null || step == Step.FEELS_REPAIRED && iFeelRepaired) {
        return Mono.empty(); // said already: saying it again changes nothing
      }
      Instant now = clock.instant();
      Mono<?> events = outbox.append(new RepairStepTaken(id, row.coupleId(), me.partnerId(), step.name(), next.name()),
          row.clinicId(), row.coupleId());
      if (step == Step.BROUGHT_TO_SESSION) {
        events = events.then(outbox.append(new RepairBroughtToSession(id, row.coupleId(), me.partnerId()), row.clinicId(), row.coupleId()));
      }
      if (next == State.CLOSED) {
        events = events.then(outbox.append(new RepairClosed(id, row.coupleId()), row.clinicId(), row.coupleId()));
      }
      return (sideEffect == null ? Mono.<Void>empty() : sideEffect.apply(row, me.partnerId()))
          .then(repairs.moveOn(id, next, step == Step.BROUGHT_TO_SESSION, now))
          .then(repairs.recordStep(id, step.name(), me.partnerId(), words, now))
          .then(events);
    })).then(one(caller, id)));
  }

  private Mono<RepairRepository.Row> find(UUID id, Partner me, boolean forUpdate) {
    return repairs.find(id, me.coupleId(), me.clinicId(), forUpdate)
        .switchIfEmpty(Mono.error(() -> new NotFoundException("There is no repair here with that id.")));
  }

  private Mono<RepairView> view(RepairRepository.Row row, UUID me) {
    Role role = row.roleOf(me);
    Mono<List<RepairView.StepView>> steps = repairs.steps(row.id()).map(all -> all.stream()
        .map(step -> new RepairView.StepView(step.kind(), me.equals(step.partnerId()), step.words(), step.at()))
        .toList());
    return Mono.zip(steps, repairs.actions(row.id()).collectList(), (s, a) -> new RepairView(row.id(), row.category(), row.seriousness(),
        row.state(), role, myTurn(row.state(), role, role == Role.HURT ? row.hurtFeelsRepaired() : row.responsibleFeelsRepaired()),
        RepairProcess.whatNow(row.state(), role), row.broughtToSessionAt() != null,
        role == Role.HURT ? row.hurtFeelsRepaired() : row.responsibleFeelsRepaired(),
        role == Role.HURT ? row.responsibleFeelsRepaired() : row.hurtFeelsRepaired(), row.openedAt(), row.closedAt(), s, a));
  }

  private static boolean myTurn(State state, Role role, boolean iFeelRepaired) {
    return switch (state) {
      case IMPACT, AGREEMENT -> role == Role.HURT;
      case ACKNOWLEDGEMENT, ACTIONS -> role == Role.RESPONSIBLE;
      case CLOSING -> !iFeelRepaired;
      case CLOSED -> false;
    };
  }

  private static String requiredWords(RepairRequests.Words request, String missing) {
    String words = request == null ? null : optionalWords(request.words());
    if (words == null) {
      throw new InvalidRequestException("Please check: " + missing + ".");
    }
    return words;
  }

  private static String optionalWords(String words) {
    if (words == null || words.isBlank()) {
      return null;
    }
    String stripped = words.strip();
    if (stripped.length() > MAX_WORDS) {
      throw new InvalidRequestException("Please check: this can be at most " + MAX_WORDS + " characters.");
    }
    return stripped;
  }
}
