package app.tend.checkins.checkin;

import app.tend.checkins.clinic.ClinicRules;
import app.tend.checkins.couple.Partner;
import app.tend.contracts.checkin.TrendDropped;
import app.tend.platform.outbox.Outbox;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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

  private final CheckinRepository checkins;
  private final Outbox outbox;

  TrendAlerts(CheckinRepository checkins, Outbox outbox) {
    this.checkins = checkins;
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
  record Standing(List<DailyRatings> month, double threshold, Set<String> told) {

    /** The same standing with the day just saved added to the days before it. */
    Standing with(DailyRatings today) {
      return new Standing(Stream.concat(month.stream(), Stream.of(today)).toList(), threshold, told);
    }
  }

  /**
   * The partner's standing on the days before {@code :day}, as one row: read in the check-in's own
   * statement ({@link CheckinRepository#upsert}), since a statement of its own cost more than
   * everything it reads (docs/performance.md). Its parameters are the upsert's: {@code :partnerId},
   * {@code :clinicId}, {@code :day} and {@code :monthFrom}, the first day of the four weeks.
   *
   * <p>It reads what was committed when the check-in's statement began. A check-in of the same
   * partner in flight beside this one may therefore have told or forgotten a fall this one does not
   * see: telling stays once ("on conflict do nothing" below), and a fall forgotten or kept one
   * check-in late is set right by the partner's next one.
   */
  static final String STANDING_BEFORE = """
      select settings.alert_trend_drop, array(select act from trend_drop where partner_id = :partnerId) as told, month.*
      from (select %s from checkin where partner_id = :partnerId and local_date >= :monthFrom and local_date < :day) month
      left join clinic_settings settings on settings.clinic_id = :clinicId
      """.formatted(DailyRatings.AGGREGATED);

  /** The standing in a row that holds {@link #STANDING_BEFORE}'s columns. */
  static Standing standingIn(Readable row) {
    BigDecimal drop = row.get("alert_trend_drop", BigDecimal.class);
    return new Standing(DailyRatings.allOf(row), drop == null ? ClinicRules.DEFAULTS.alertTrendDrop() : drop.doubleValue(),
        Set.of(row.get("told", String[].class)));
  }

  /**
   * Looks at the partner's trends after a check-in, from their standing with the check-in in it;
   * runs in the check-in's transaction.
   *
   * <p>This runs on every check-in, so the usual day (nothing fell, nothing told before) costs no
   * statement at all: a delete or insert is made only where an act's standing actually changed.
   */
  Mono<Void> afterCheckin(Partner partner, LocalDate today, Standing standing) {
    var fallen = CheckinTrends.of(today, standing.month(), 0).measures().stream()
        .collect(Collectors.partitioningBy(trend -> fell(trend, standing.threshold())));
    var recovered = fallen.get(false).stream().map(trend -> trend.measure().name()).filter(standing.told()::contains)
        .toArray(String[]::new);
    Mono<Void> forget = recovered.length == 0 ? Mono.empty()
        : checkins.forgetTrendDrops(partner.partnerId(), recovered);
    // "on conflict do nothing" still decides who tells: a check-in in flight beside this one may have told it first.
    var tell = Flux.fromIterable(fallen.get(true))
        .filter(trend -> !standing.told().contains(trend.measure().name()))
        .concatMap(trend -> checkins.claimTrendDrop(partner.partnerId(), trend.measure().name(), today)
            .flatMap(claimed -> !claimed ? Mono.empty() : outbox.append(new TrendDropped(partner.coupleId(), partner.partnerId(),
                trend.measure().name(), trend.average7(), trend.average28(), today), partner.clinicId(), partner.coupleId())));
    return forget.thenMany(tell).then();
  }
}
