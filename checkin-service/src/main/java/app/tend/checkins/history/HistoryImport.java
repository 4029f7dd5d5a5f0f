package app.tend.checkins.history;

import app.tend.checkins.checkin.CheckinAnswers;
import app.tend.checkins.checkin.LocalDay;
import app.tend.checkins.platform.outbox.Transactions;
import app.tend.checkins.platform.web.InvalidRequestException;
import app.tend.checkins.platform.web.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stores past check-ins. They publish no events: they are history, not something that happened
 * today, and no partner should be nudged about a day long gone.
 */
@Service
class HistoryImport {

  static final int MAX_DAYS = 400;

  private final DatabaseClient database;
  private final Transactions transactions;
  private final Clock clock;

  HistoryImport(DatabaseClient database, Transactions transactions, Clock clock) {
    this.database = database;
    this.transactions = transactions;
    this.clock = clock;
  }

  Mono<ImportHistoryResponse> importPast(ImportHistoryRequest request) {
    if (request.partnerId() == null || request.checkins() == null || request.checkins().size() > MAX_DAYS) {
      return Mono.error(new InvalidRequestException(
          "Please send a partnerId and at most " + MAX_DAYS + " past check-ins."));
    }
    return database
        .sql("select couple_id, clinic_id, time_zone from partner where partner_id = :partnerId")
        .bind("partnerId", request.partnerId())
        .map(row -> new Owner(row.get("couple_id", UUID.class), row.get("clinic_id", UUID.class),
            ZoneId.of(row.get("time_zone", String.class))))
        .one()
        .switchIfEmpty(Mono.error(new NotFoundException("That partner is not known here.")))
        .flatMap(owner -> store(request, owner));
  }

  private Mono<ImportHistoryResponse> store(ImportHistoryRequest request, Owner owner) {
    LocalDate today = LocalDay.today(clock, owner.zone());
    for (var past : request.checkins()) {
      if (past.day() == null || !past.day().isBefore(today)) {
        return Mono.error(new InvalidRequestException("Every imported day must be before the partner's today."));
      }
      CheckinAnswers.of(past.followThrough(), past.empathicListening(), past.honesty(), past.mattering(), past.connected());
    }
    return transactions.run(
        () ->
            Flux.fromIterable(request.checkins())
                .concatMap(
                    past -> {
                      var at = past.day().atTime(21, 0).atZone(owner.zone()).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
                      return database
                          .sql(
                              """
                              insert into checkin (id, clinic_id, couple_id, partner_id, local_date, follow_through,
                                  empathic_listening, honesty, mattering, connected, submitted_at, updated_at)
                              values (:id, :clinicId, :coupleId, :partnerId, :day, :f, :e, :h, :m, :c, :at, :at)
                              on conflict (partner_id, local_date) do nothing
                              """)
                          .bind("id", UUID.randomUUID())
                          .bind("clinicId", owner.clinicId())
                          .bind("coupleId", owner.coupleId())
                          .bind("partnerId", request.partnerId())
                          .bind("day", past.day())
                          .bind("f", past.followThrough().shortValue())
                          .bind("e", past.empathicListening().shortValue())
                          .bind("h", past.honesty().shortValue())
                          .bind("m", past.mattering().shortValue())
                          .bind("c", past.connected().shortValue())
                          .bind("at", at)
                          .fetch()
                          .rowsUpdated();
                    })
                .reduce(0L, Long::sum)
                .map(stored -> new ImportHistoryResponse(stored.intValue(), request.checkins().size() - stored.intValue())));
  }

  private record Owner(UUID coupleId, UUID clinicId, ZoneId zone) {}
}
