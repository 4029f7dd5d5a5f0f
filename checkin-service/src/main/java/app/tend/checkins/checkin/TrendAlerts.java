package app.tend.checkins.checkin;

import app.tend.checkins.clinic.ClinicRules;
import app.tend.checkins.couple.Partner;
import app.tend.checkins.platform.outbox.Outbox;
import app.tend.contracts.checkin.TrendDropped;
import java.time.LocalDate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tells the clinician (through {@code TrendDropped}) when a partner's last week of an act falls
 * clearly below their month: once when it happens, and again only after it has recovered.
 */
@Component
class TrendAlerts {

  /** A week needs this many check-ins before its average says anything. */
  static final int DAYS_IN_WEEK_NEEDED = 3;

  /** And the month this many, so one early week is not mistaken for a fall. */
  static final int DAYS_IN_MONTH_NEEDED = 10;

  private final DatabaseClient database;
  private final CheckinRepository checkins;
  private final ClinicRules rules;
  private final Outbox outbox;

  TrendAlerts(DatabaseClient database, CheckinRepository checkins, ClinicRules rules, Outbox outbox) {
    this.database = database;
    this.checkins = checkins;
    this.rules = rules;
    this.outbox = outbox;
  }

  /** Whether the week's average of this measure fell more than {@code threshold} below the month's. */
  static boolean fell(TrendsView.MeasureTrend trend, double threshold) {
    long week = trend.days().subList(trend.days().size() - 7, trend.days().size()).stream().filter(d -> d.value() != null).count();
    long month = trend.days().stream().filter(d -> d.value() != null).count();
    return week >= DAYS_IN_WEEK_NEEDED && month >= DAYS_IN_MONTH_NEEDED && trend.average7() != null && trend.average28() != null
        && trend.average28() - trend.average7() > threshold;
  }

  /** Looks at the partner's trends after a check-in; runs in the check-in's transaction. */
  Mono<Void> afterCheckin(Partner partner, LocalDate today) {
    return Mono.zip(rules.of(partner.clinicId()),
            checkins.forPartner(partner.partnerId(), today.minusDays(CheckinTrends.DAYS - 1L), today).collectList())
        .flatMap(found -> {
          var trends = CheckinTrends.of(today, found.getT2(), 0).measures();
          double threshold = found.getT1().alertTrendDrop();
          // Acts that have not fallen (most, most days) are forgotten in one statement: this runs
          // on every check-in, and a statement per act was most of the write's round trips.
          String[] steady = trends.stream().filter(trend -> !fell(trend, threshold)).map(trend -> trend.measure().name())
              .toArray(String[]::new);
          Mono<Void> recovered = steady.length == 0 ? Mono.empty()
              : database.sql("delete from trend_drop where partner_id = :partnerId and act = any(:acts)")
                  .bind("partnerId", partner.partnerId())
                  .bind("acts", steady)
                  .then();
          var fallen = Flux.fromIterable(trends).filter(trend -> fell(trend, threshold))
              .concatMap(trend -> database.sql("insert into trend_drop (partner_id, act, since) values (:partnerId, :act, :today) on conflict do nothing")
                  .bind("partnerId", partner.partnerId())
                  .bind("act", trend.measure().name())
                  .bind("today", today)
                  .fetch()
                  .rowsUpdated()
                  .flatMap(rows -> rows == 0 ? Mono.empty() : outbox.append(new TrendDropped(partner.coupleId(), partner.partnerId(),
                      trend.measure().name(), trend.average7(), trend.average28(), today), partner.clinicId(), partner.coupleId())));
          return recovered.thenMany(fallen).then();
        });
  }
}
