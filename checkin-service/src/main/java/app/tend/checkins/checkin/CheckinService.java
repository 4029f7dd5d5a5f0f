package app.tend.checkins.checkin;

import app.tend.checkins.checkin.CheckinRepository.Outcome;
import app.tend.checkins.couple.Partner;
import app.tend.checkins.couple.Partners;
import app.tend.contracts.checkin.CheckinRevised;
import app.tend.contracts.checkin.CheckinSubmitted;
import app.tend.platform.outbox.Outbox;
import app.tend.platform.outbox.Transactions;
import app.tend.platform.security.Caller;
import app.tend.platform.web.InvalidRequestException;
import app.tend.platform.web.NotFoundException;
import app.tend.platform.web.UnprocessableException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The daily check-in: one per partner per local day, editable until that day ends. */
@Service
public class CheckinService {

  private static final Logger log = LoggerFactory.getLogger(CheckinService.class);

  /** How far back a couple's check-ins can be listed in one request. */
  static final int MAX_DAYS_LISTED = 366;

  private final CheckinRepository checkins;
  private final Partners partners;
  private final Outbox outbox;
  private final Transactions transactions;
  private final Clock clock;
  private final TrendAlerts trendAlerts;

  CheckinService(CheckinRepository checkins, Partners partners, Outbox outbox, Transactions transactions, Clock clock,
      TrendAlerts trendAlerts) {
    this.trendAlerts = trendAlerts;
    this.checkins = checkins;
    this.partners = partners;
    this.outbox = outbox;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** The result of a submission, and whether it created the day's check-in. */
  public record Submitted(CheckinView checkin, boolean created) {}

  /**
   * Stores the caller's check-in for their local today and, in the same transaction, the event
   * that tells the other services: {@code CheckinSubmitted} the first time that day,
   * {@code CheckinRevised} when the answers changed, nothing when they did not.
   */
  public Mono<Submitted> submitToday(Caller caller, SubmitCheckinRequest request) {
    // The partner is looked up inside the transaction: one connection from the pool per check-in, not two.
    return Mono.fromCallable(() -> new Validated(request.answers(), request.texts()))
        .flatMap(valid -> transactions.run(() -> partners.callerAsPartner(caller)
            .flatMap(partner -> submit(partner, request.day(), valid.answers(), valid.texts()))))
        // Ids and the outcome only: the answers stay out of logs. Logged in handle, where Reactor puts
        // the request's trace and request ids on the thread (context propagation is limited).
        .handle((done, submitted) -> {
          log.info("check-in {} for local day {} of couple {}", done.saved().outcome(), done.saved().checkin().day(),
              done.partner().coupleId());
          submitted.next(new Submitted(done.saved().checkin(), done.saved().outcome() == Outcome.CREATED));
        });
  }

  private record Validated(CheckinAnswers answers, CheckinTexts texts) {}

  private record Done(Partner partner, CheckinRepository.Saved saved) {}

  /** The check-in's writes, inside the caller's transaction. */
  private Mono<Done> submit(Partner partner, LocalDate dayShown, CheckinAnswers answers, CheckinTexts texts) {
    LocalDate today = LocalDay.today(clock, partner.timeZone());
    if (dayShown != null && !dayShown.equals(today)) {
      return Mono.error(new UnprocessableException("That day has ended",
          "A check-in can be changed until the end of its day, and " + dayShown + " has ended where you are. "
              + "Today's check-in is open."));
    }
    return checkins
        .upsert(partner.clinicId(), partner.coupleId(), partner.partnerId(), today, answers, texts, clock.instant())
        .flatMap(saved -> publish(partner, saved)
            .then(saved.outcome() == Outcome.UNCHANGED ? Mono.empty() : trendAlerts.afterCheckin(partner, today, saved.standing()))
            .thenReturn(new Done(partner, saved)));
  }

  private Mono<?> publish(Partner partner, CheckinRepository.Saved saved) {
    var checkin = saved.checkin();
    return switch (saved.outcome()) {
      case CREATED ->
          outbox.append(
              new CheckinSubmitted(checkin.id(), partner.coupleId(), partner.partnerId(), checkin.day(), checkin.ratings(),
                  saved.appreciationAdded()),
              partner.clinicId(), partner.coupleId());
      case REVISED ->
          outbox.append(
              new CheckinRevised(checkin.id(), partner.coupleId(), partner.partnerId(), checkin.day(), checkin.ratings(),
                  saved.appreciationAdded()),
              partner.clinicId(), partner.coupleId());
      case UNCHANGED -> Mono.empty();
    };
  }

  /**
   * The caller's local today, their check-in for it if any and, once they have checked in, what the
   * other partner wrote for them on the other partner's own today. Never the other's reflection.
   */
  public Mono<TodayView> today(Caller caller) {
    return partners
        .callerAsPartner(caller)
        .flatMap(
            partner -> {
              LocalDate today = LocalDay.today(clock, partner.timeZone());
              // Wherever the other partner is, their today is one of these three days.
              LocalDate utcToday = LocalDay.today(clock, ZoneOffset.UTC);
              return checkins
                  .todayOf(partner, today, utcToday.minusDays(1), utcToday.plusDays(1))
                  .map(found -> new TodayView(today, found.own(), found.own() == null || found.otherZone() == null ? null
                      : found.partnerWords().get(LocalDay.today(clock, found.otherZone()))));
            });
  }

  /** The caller's own trends over the last four weeks of their local days. */
  public Mono<TrendsView> trends(Caller caller) {
    return partners
        .callerAsPartner(caller)
        .flatMap(
            partner -> {
              LocalDate today = LocalDay.today(clock, partner.timeZone());
              return Mono.zip(
                  checkins.ratingsOf(partner.partnerId(), today.minusDays(CheckinTrends.DAYS - 1L), today),
                  checkins.daysPractised(partner.partnerId()),
                  (recent, practised) -> CheckinTrends.of(today, recent, practised));
            });
  }

  /**
   * The caller's own check-ins in their couple between two days. A partner never receives the other
   * partner's check-ins here; any other couple answers 404.
   */
  public Flux<CheckinView> ownCheckins(Caller caller, UUID coupleId, LocalDate from, LocalDate to) {
    return checkRange(from, to)
        .then(partners.callerAsPartner(caller))
        .filter(partner -> partner.coupleId().equals(coupleId))
        .switchIfEmpty(Mono.error(() -> new NotFoundException("There is nothing here for you.")))
        .flatMapMany(partner -> checkins.forPartner(partner.partnerId(), from, to));
  }

  /**
   * Both partners' check-ins between two local days, for the clinician assigned to the couple;
   * audited. A partner's private reflections are included only where that partner consented.
   */
  public Flux<PartnerCheckins> coupleCheckins(Caller caller, UUID coupleId, LocalDate from, LocalDate to) {
    return checkRange(from, to)
        .then(partners.assignedToCaller(caller, coupleId, "checkins.list"))
        .flatMapMany(couple -> Flux.fromIterable(couple.partners()))
        .concatMap(member -> checkins.forPartner(member.partnerId(), from, to)
            .map(checkin -> member.reflectionsVisibleToClinician() ? checkin : withoutReflection(checkin))
            .collectList()
            .map(list -> new PartnerCheckins(member.partnerId(), member.reflectionsVisibleToClinician(), list)));
  }

  private static CheckinView withoutReflection(CheckinView checkin) {
    return new CheckinView(checkin.id(), checkin.day(), checkin.followThrough(), checkin.empathicListening(), checkin.honesty(),
        checkin.mattering(), checkin.connected(), checkin.appreciation(), null, checkin.submittedAt(), checkin.updatedAt());
  }

  private static Mono<Void> checkRange(LocalDate from, LocalDate to) {
    return from.isAfter(to) || from.plusDays(MAX_DAYS_LISTED).isBefore(to)
        ? Mono.error(new InvalidRequestException(
            "Please choose a range of at most " + MAX_DAYS_LISTED + " days, with 'from' not after 'to'."))
        : Mono.empty();
  }

  /** Everything checkin-service holds of the caller, for their download of all their data: their own check-ins only. */
  public Mono<CheckinExport> export(Caller caller) {
    return partners
        .callerAsPartner(caller)
        .flatMap(partner -> Mono.zip(
            checkins.forPartner(partner.partnerId(), LocalDate.of(1970, 1, 1), LocalDate.of(9999, 12, 31)).collectList(),
            checkins.daysPractised(partner.partnerId()),
            (all, practised) -> new CheckinExport(partner.timeZone().getId(), practised, all)));
  }
}
