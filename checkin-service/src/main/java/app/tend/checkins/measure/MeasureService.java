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
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
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

  private final DatabaseClient database;
  private final Partners partners;
  private final MeasureDefinitions definitions;
  private final Outbox outbox;
  private final Transactions transactions;
  private final Clock clock;
  private final ClinicRules rules;
  private final JsonMapper json = JsonMapper.builder().build();

  MeasureService(DatabaseClient database, Partners partners, MeasureDefinitions definitions, Outbox outbox, Transactions transactions,
      Clock clock, ClinicRules rules) {
    this.rules = rules;
    this.database = database;
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
    return Mono.zip(everyDays(me.clinicId()), history(me.partnerId(), definition.id()).collectList(), (every, history) -> {
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
      return transactions.run(() -> database
              .sql(
                  """
                  insert into measure_response (id, clinic_id, couple_id, partner_id, measure_id, measure_version, local_date, answers,
                                                score, below_cut_off, completed_at)
                  values (:id, :clinicId, :coupleId, :partnerId, :measureId, :version, :day, :answers, :score, :below, :at)
                  on conflict (partner_id, measure_id, local_date) do nothing
                  """)
              .bind("id", id)
              .bind("clinicId", me.clinicId())
              .bind("coupleId", me.coupleId())
              .bind("partnerId", me.partnerId())
              .bind("measureId", definition.id())
              .bind("version", definition.version())
              .bind("day", today)
              .bind("answers", json.writeValueAsString(new TreeMap<>(answers)))
              .bind("score", BigDecimal.valueOf(scored.score()))
              .bind("below", scored.belowCutOff())
              .bind("at", clock.instant().atOffset(ZoneOffset.UTC))
              .fetch()
              .rowsUpdated()
              .flatMap(rows -> rows == 0
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
            .concatMap(member -> history(member.partnerId(), definition.id()).collectList()
                .map(scores -> new CoupleScores.PartnerScores(member.partnerId(), scores)))
            .collectList())
        .map(scores -> new CoupleScores(definition.id(), definition.title(), definition.scoring().min(), definition.scoring().max(),
            definition.cutOff() == null ? null : definition.cutOff().below(), scores));
  }

  private Mono<String> fhirOf(UUID partnerId, UUID clinicId) {
    var definition = definitions.defaultMeasure();
    return database.sql("select id, measure_version, local_date, completed_at, answers, score from measure_response"
            + " where partner_id = :partnerId and clinic_id = :clinicId and measure_id = :measureId order by local_date")
        .bind("partnerId", partnerId)
        .bind("clinicId", clinicId)
        .bind("measureId", definition.id())
        .map(row -> new MeasureFhir.Response(row.get("id", UUID.class), partnerId, row.get("measure_version", String.class),
            row.get("local_date", LocalDate.class), row.get("completed_at", java.time.OffsetDateTime.class).toInstant(),
            answers(row.get("answers", String.class)), row.get("score", BigDecimal.class).doubleValue()))
        .all()
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

  private reactor.core.publisher.Flux<MeasureView.Score> history(UUID partnerId, String measureId) {
    return database.sql("select local_date, score, below_cut_off from measure_response where partner_id = :partnerId"
            + " and measure_id = :measureId order by local_date")
        .bind("partnerId", partnerId)
        .bind("measureId", measureId)
        .map(row -> new MeasureView.Score(row.get("local_date", LocalDate.class), row.get("score", BigDecimal.class).doubleValue(),
            Boolean.TRUE.equals(row.get("below_cut_off", Boolean.class))))
        .all();
  }
}
