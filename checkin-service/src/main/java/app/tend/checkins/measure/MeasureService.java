package app.tend.checkins.measure;

import app.tend.checkins.checkin.LocalDay;
import app.tend.checkins.clinic.ClinicRules;
import app.tend.checkins.couple.Partner;
import app.tend.checkins.couple.Partners;
import app.tend.contracts.measure.MeasureCompleted;
import app.tend.platform.outbox.Outbox;
import app.tend.platform.outbox.Transactions;
import app.tend.platform.security.Caller;
import app.tend.platform.web.InvalidRequestException;
import app.tend.platform.web.NotFoundException;
import app.tend.platform.web.UnprocessableException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The relationship measure on the clinic's schedule: each partner answers it for themself when it
 * is due, it is scored by its definition, and the score (never the answers) is announced.
 */
@Service
public class MeasureService {

  private final MeasureResponses responses;
  private final Partners partners;
  private final MeasureDefinitions definitions;
  private final Outbox outbox;
  private final Transactions transactions;
  private final Clock clock;
  private final ClinicRules rules;
  private final JsonMapper json = JsonMapper.builder().build();

  MeasureService(MeasureResponses responses, Partners partners, MeasureDefinitions definitions, Outbox outbox, Transactions transactions,
      Clock clock, ClinicRules rules) {
    this.rules = rules;
    this.responses = responses;
    this.partners = partners;
    this.definitions = definitions;
    this.outbox = outbox;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** The caller's measure: whether it is due and their own history. */
  public Mono<MeasureView> status(Caller caller) {
    return partners.callerAsPartner(caller).flatMap(this::status);
  }

  private Mono<MeasureView> status(Partner me) {
    var definition = definitions.defaultMeasure();
    LocalDate today = LocalDay.today(clock, me.timeZone());
    return Mono.zip(everyDays(me.clinicId()), responses.scores(me.partnerId(), definition.id()).collectList(), (every, history) -> {
      LocalDate nextDue = history.isEmpty() ? today : history.getLast().day().plusDays(every);
      boolean due = !nextDue.isAfter(today);
      return new MeasureView(definition, every, due, due ? null : nextDue, history);
    });
  }

  /** Records the caller's answers to {@code measureId} when it is due for them; answers the page as it now stands. */
  public Mono<MeasureView> respond(Caller caller, String measureId, Map<String, Integer> answers) {
    var definition = definitions.find(measureId)
        .filter(found -> found.id().equals(definitions.defaultMeasure().id()))
        .orElse(null);
    if (definition == null) {
      return Mono.error(new NotFoundException("There is no measure here with that name."));
    }
    var result = definition.score(answers);
    if (result.scored() == null) {
      return Mono.error(new InvalidRequestException("Please check: " + String.join("; ", result.problems()) + "."));
    }
    return partners.callerAsPartner(caller).flatMap(me -> status(me).flatMap(before -> {
      if (!before.due()) {
        return Mono.error(new UnprocessableException("Not due yet",
            "You answered this recently. It comes round again on " + before.nextDueOn() + "."));
      }
      UUID id = UUID.randomUUID();
      LocalDate today = LocalDay.today(clock, me.timeZone());
      var scored = result.scored();
      // The insert stops a second answer on the same day even when two arrive at once.
      return transactions.run(() -> responses
              .add(id, me, definition, today, json.writeValueAsString(new TreeMap<>(answers)), scored, clock.instant())
              .flatMap(saved -> !saved
                  ? Mono.error(new UnprocessableException("Not due yet", "You answered this today already."))
                  : outbox.append(new MeasureCompleted(id, me.coupleId(), me.partnerId(), definition.id(), definition.version(), today,
                      scored.score(), scored.belowCutOff()), me.clinicId(), me.coupleId())))
          .then(status(me));
    }));
  }

  /** The caller's own responses as a FHIR R4 collection: the questionnaire and each response. */
  public Mono<String> fhir(Caller caller) {
    return partners.callerAsPartner(caller).flatMap(me -> fhirOf(me.partnerId(), me.clinicId()));
  }

  /** A partner's responses as FHIR R4, for the clinician assigned to their couple; audited. */
  public Mono<String> fhirForClinician(Caller caller, UUID coupleId, UUID partnerId) {
    return partners.assignedToCaller(caller, coupleId, "measures.fhir")
        .filter(couple -> couple.partners().stream().anyMatch(member -> member.partnerId().equals(partnerId)))
        .switchIfEmpty(Mono.error(() -> new NotFoundException("There is no partner here with that id in this couple.")))
        .flatMap(couple -> fhirOf(partnerId, couple.clinicId()));
  }

  /** Both partners' score history on the clinic's measure, for the couple's assigned clinician; audited. */
  public Mono<CoupleScores> coupleHistory(Caller caller, UUID coupleId) {
    var definition = definitions.defaultMeasure();
    return partners.assignedToCaller(caller, coupleId, "measures.history")
        .flatMap(couple -> reactor.core.publisher.Flux.fromIterable(couple.partners())
            .concatMap(member -> responses.scores(member.partnerId(), definition.id()).collectList()
                .map(scores -> new CoupleScores.PartnerScores(member.partnerId(), scores)))
            .collectList())
        .map(scores -> new CoupleScores(definition.id(), definition.title(), definition.scoring().min(), definition.scoring().max(),
            definition.cutOff() == null ? null : definition.cutOff().below(), scores));
  }

  private Mono<String> fhirOf(UUID partnerId, UUID clinicId) {
    var definition = definitions.defaultMeasure();
    return responses.of(partnerId, clinicId, definition.id())
        .map(stored -> new MeasureFhir.Response(stored.id(), partnerId, stored.version(), stored.day(), stored.completedAt(),
            answers(stored.answers()), stored.score()))
        .collectList()
        // HAPI builds its FHIR context on first use, which takes seconds (31 s once in a loaded test run):
        // on a worker thread, not on the event loop of the database connection, where every request whose
        // connection shares that loop would wait for it.
        .publishOn(Schedulers.boundedElastic())
        .map(responses -> MeasureFhir.bundle(definition, responses));
  }

  private Map<String, Integer> answers(String stored) {
    return json.readValue(stored, new tools.jackson.core.type.TypeReference<Map<String, Integer>>() {});
  }

  private Mono<Integer> everyDays(UUID clinicId) {
    return rules.of(clinicId).map(ClinicRules.Rules::measureEveryDays);
  }
}
