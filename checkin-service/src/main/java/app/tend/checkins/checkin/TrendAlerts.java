package app.tend.checkins.checkin;

import app.tend.checkins.clinic.ClinicRules;
import app.tend.checkins.couple.Partner;
import app.tend.checkins.platform.outbox.Outbox;
import app.tend.contracts.checkin.TrendDropped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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
  private final Outbox outbox;

  TrendAlerts(DatabaseClient database, Outbox outbox) {
    this.database = database;
    this.outbox = outbox;
  }

  /** Whether the week's average of this measure fell more than {@code threshold} below the month's. */
  static boolean fell(TrendsView.MeasureTrend trend, double threshold) {
    long week = trend.days().subList(trend.days().size() - 7, trend.days().size()).stream().filter(d -> d.value() != null).count();
    long month = trend.days().stream().filter(d -> d.value() != null).count();
    return week >= DAYS_IN_WEEK_NEEDED && month >= DAYS_IN_MONTH_NEEDED && trend.average7() != null && trend.average28() != null
        && trend.average28() - trend.average7() > threshold;
  }

  /**
   * What a check-in's alerts are decided from: the partner's last four weeks, their clinic's
   * threshold, and the acts whose fall the clinician has already been told of.
   */
  private record Standing(List<DailyRatings> month, double threshold, Set<String> told) {}

  /**
   * Looks at the partner's trends after a check-in; runs in the check-in's transaction.
   *
   * <p>This runs on every check-in, so the usual day (nothing fell, nothing told before) costs one
   * statement: the month, the clinic's threshold and the acts told of are read together, and a
   * delete or insert is made only where an act's standing actually changed.
   */
  Mono<Void> afterCheckin(Partner partner, LocalDate today) {
    return standing(partner, today).flatMap(standing -> {
      var fallen = CheckinTrends.of(today, standing.month(), 0).measures().stream()
          .collect(Collectors.partitioningBy(trend -> fell(trend, standing.threshold())));
      var recovered = fallen.get(false).stream().map(trend -> trend.measure().name()).filter(standing.told()::contains)
          .toArray(String[]::new);
      Mono<Void> forget = recovered.length == 0 ? Mono.empty()
          : database.sql("delete from trend_drop where partner_id = :partnerId and act = any(:acts)")
              .bind("partnerId", partner.partnerId())
              .bind("acts", recovered)
              .then();
      // "on conflict do nothing" still decides who tells: a check-in in flight beside this one may have told it first.
      var tell = Flux.fromIterable(fallen.get(true))
          .filter(trend -> !standing.told().contains(trend.measure().name()))
          .concatMap(trend -> database.sql("insert into trend_drop (partner_id, act, since) values (:partnerId, :act, :today) on conflict do nothing")
              .bind("partnerId", partner.partnerId())
              .bind("act", trend.measure().name())
              .bind("today", today)
              .fetch()
              .rowsUpdated()
              .flatMap(rows -> rows == 0 ? Mono.empty() : outbox.append(new TrendDropped(partner.coupleId(), partner.partnerId(),
                  trend.measure().name(), trend.average7(), trend.average28(), today), partner.clinicId(), partner.coupleId())));
      return forget.thenMany(tell).then();
    });
  }

  /** Read in one statement and one row: the month's check-ins as arrays, the clinic's threshold and the acts told. */
  private Mono<Standing> standing(Partner partner, LocalDate today) {
    return database.sql("""
            select settings.alert_trend_drop, array(select act from trend_drop where partner_id = :partnerId) as told, month.*
            from (select %s from checkin where partner_id = :partnerId and local_date between :from and :today) month
            left join clinic_settings settings on settings.clinic_id = :clinicId
            """.formatted(DailyRatings.AGGREGATED))
        .bind("partnerId", partner.partnerId())
        .bind("clinicId", partner.clinicId())
        .bind("from", today.minusDays(CheckinTrends.DAYS - 1L))
        .bind("today", today)
        .map(row -> {
          BigDecimal drop = row.get("alert_trend_drop", BigDecimal.class);
          return new Standing(DailyRatings.allOf(row), drop == null ? ClinicRules.DEFAULTS.alertTrendDrop() : drop.doubleValue(),
              Set.of(row.get("told", String[].class)));
        })
        .one();
  }
}
