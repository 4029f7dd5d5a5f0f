package app.tend.checkins.checkin;

import app.tend.checkins.clinic.ClinicRules;
import app.tend.contracts.checkin.CheckinsMissed;
import app.tend.platform.outbox.Outbox;
import app.tend.platform.outbox.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
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

  private final DatabaseClient database;
  private final Outbox outbox;
  private final Transactions transactions;
  private final Clock clock;

  MissedCheckins(DatabaseClient database, Outbox outbox, Transactions transactions, Clock clock) {
    this.database = database;
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
    return database
        .sql(
            """
            select p.partner_id, p.couple_id, p.clinic_id, p.time_zone, last.day as last_checkin_on,
                   coalesce(s.alert_days_without_checkin, :defaultDays) as threshold
            from partner p
            join lateral (select max(local_date) as day from checkin c where c.partner_id = p.partner_id) last on last.day is not null
            left join clinic_settings s on s.clinic_id = p.clinic_id
            left join checkins_missed m on m.partner_id = p.partner_id and m.last_checkin_on = last.day
            where m.partner_id is null and last.day < (now() at time zone 'UTC')::date
            """)
        .bind("defaultDays", ClinicRules.DEFAULTS.alertDaysWithoutCheckin())
        .map(row -> new Gap(row.get("partner_id", UUID.class), row.get("couple_id", UUID.class), row.get("clinic_id", UUID.class),
            ZoneId.of(row.get("time_zone", String.class)), row.get("last_checkin_on", LocalDate.class), row.get("threshold", Integer.class)))
        .all()
        .filter(gap -> daysWithout(gap.lastCheckinOn(), LocalDay.today(clock, gap.zone())) >= gap.threshold())
        .concatMap(gap -> transactions.run(() -> database
                .sql("insert into checkins_missed (partner_id, last_checkin_on, told_at) values (:partnerId, :last, :now) on conflict do nothing")
                .bind("partnerId", gap.partnerId())
                .bind("last", gap.lastCheckinOn())
                .bind("now", clock.instant().atOffset(ZoneOffset.UTC))
                .fetch()
                .rowsUpdated()
                .flatMap(rows -> rows == 0 ? Mono.just(0) : outbox.append(new CheckinsMissed(gap.coupleId(), gap.partnerId(),
                    daysWithout(gap.lastCheckinOn(), LocalDay.today(clock, gap.zone())), gap.lastCheckinOn()), gap.clinicId(),
                    gap.coupleId()).thenReturn(1))))
        .reduce(0, Integer::sum);
  }

  private record Gap(UUID partnerId, UUID coupleId, UUID clinicId, ZoneId zone, LocalDate lastCheckinOn, int threshold) {}
}
