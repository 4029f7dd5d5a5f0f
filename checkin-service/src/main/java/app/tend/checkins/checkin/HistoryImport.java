package app.tend.checkins.checkin;

import app.tend.checkins.couple.Partner;
import app.tend.checkins.couple.Partners;
import app.tend.platform.outbox.Transactions;
import app.tend.platform.web.InvalidRequestException;
import app.tend.platform.web.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
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

  private final CheckinRepository checkins;
  private final Partners partners;
  private final Transactions transactions;
  private final Clock clock;

  HistoryImport(CheckinRepository checkins, Partners partners, Transactions transactions, Clock clock) {
    this.checkins = checkins;
    this.partners = partners;
    this.transactions = transactions;
    this.clock = clock;
  }

  Mono<ImportHistoryResponse> importPast(ImportHistoryRequest request) {
    // An empty list is refused too: an import of nothing is a mistake in whatever sent it.
    if (request.partnerId() == null || request.checkins() == null || request.checkins().isEmpty()
        || request.checkins().size() > MAX_DAYS) {
      return Mono.error(new InvalidRequestException(
          "Please send a partnerId and 1 to " + MAX_DAYS + " past check-ins."));
    }
    return partners
        .find(request.partnerId())
        .switchIfEmpty(Mono.error(() -> new NotFoundException("That partner is not known here.")))
        .flatMap(partner -> store(request.checkins(), partner));
  }

  private Mono<ImportHistoryResponse> store(List<ImportHistoryRequest.PastCheckin> days, Partner partner) {
    LocalDate today = LocalDay.today(clock, partner.timeZone());
    for (var past : days) {
      if (past.day() == null || !past.day().isBefore(today)) {
        return Mono.error(new InvalidRequestException("Every imported day must be before the partner's today."));
      }
    }
    // Validated before anything is written: a bad day anywhere refuses the whole import.
    var answers = days.stream()
        .map(past -> CheckinAnswers.of(past.followThrough(), past.empathicListening(), past.honesty(), past.mattering(), past.connected()))
        .toList();
    return transactions.run(
        () ->
            Flux.range(0, days.size())
                .concatMap(i -> {
                  LocalDate day = days.get(i).day();
                  var eveningThere = day.atTime(21, 0).atZone(partner.timeZone()).toInstant();
                  return checkins.insertPast(partner, day, answers.get(i), eveningThere);
                })
                .filter(Boolean::booleanValue)
                .count()
                .map(stored -> new ImportHistoryResponse(stored.intValue(), days.size() - stored.intValue())));
  }
}
