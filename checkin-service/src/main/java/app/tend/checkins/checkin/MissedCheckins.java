package app.tend.checkins.checkin;

import app.tend.checkins.clinic.ClinicRules;
import app.tend.contracts.checkin.CheckinsMissed;
import app.tend.platform.outbox.Outbox;
import app.tend.platform.outbox.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Tells the clinician (through {@code CheckinsMissed}) when a partner has gone as many whole local
 * days without a check-in as their clinic's threshold: once per gap, keyed by the check-in before
 * it, so replicas and restarts never tell it twice.
 */
@Component
class MissedCheckins {

  private static final Logger log = LoggerFactory.getLogger(MissedCheckins.class);

  private final CheckinRepository checkins;
  private final Outbox outbox;
  private final Transactions transactions;
  private final Clock clock;

  MissedCheckins(CheckinRepository checkins, Outbox outbox, Transactions transactions, Clock clock) {
    this.checkins = checkins;
    this.outbox = outbox;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Whole local days between the last check-in and today, today not counted (it is not over). */
  static int daysWithout(LocalDate lastCheckinOn, LocalDate today) {
    return (int) Math.max(0, ChronoUnit.DAYS.between(lastCheckinOn, today) - 1);
  }

  @Scheduled(fixedDelayString = "${tend.checkins.missed-poll-interval:10m}", initialDelayString = "${tend.checkins.missed-initial-delay:1m}")
  void tellGaps() {
    try {
      // contextCapture: the events' outbox rows continue this run's trace.
      Integer told = tellGapsOnce().contextCapture().block(Duration.ofMinutes(5));
      if (told != null && told > 0) {
        log.info("told {} gaps in check-ins", told);
      }
    } catch (RuntimeException e) {
      log.warn("could not look for missed check-ins ({}); will try again", e.getClass().getSimpleName());
    }
  }

  /**
   * One pass over partners who did not check in today (UTC, roughly: each partner's own day decides); each gap is
   * claimed with its own row, so a second pass (or replica) finds it told.
   */
  Mono<Integer> tellGapsOnce() {
    return checkins.untoldGaps(ClinicRules.DEFAULTS.alertDaysWithoutCheckin())
        .filter(gap -> daysWithout(gap.lastCheckinOn(), LocalDay.today(clock, gap.zone())) >= gap.threshold())
        .concatMap(gap -> transactions.run(() -> checkins.claimGap(gap.partnerId(), gap.lastCheckinOn(), clock.instant())
            .flatMap(claimed -> !claimed ? Mono.just(0) : outbox.append(new CheckinsMissed(gap.coupleId(), gap.partnerId(),
                daysWithout(gap.lastCheckinOn(), LocalDay.today(clock, gap.zone())), gap.lastCheckinOn()), gap.clinicId(),
                gap.coupleId()).thenReturn(1))))
        .reduce(0, Integer::sum);
  }
}
