package app.tend.checkins.outcome;

import app.tend.checkins.measure.MeasureDefinitions;
import app.tend.checkins.outcome.ClinicOutcomes.ClinicianFigures;
import app.tend.checkins.outcome.ClinicOutcomes.Figures;
import app.tend.platform.security.Caller;
import app.tend.platform.web.NotFoundException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The clinic admin's outcomes, computed here where the check-ins and measures live: three grouped
 * queries for the whole clinic, then the same arithmetic for the clinic and for each clinician.
 */
@Component
class Outcomes {

  /** Smaller groups are not shown: with one or two couples a share or a mean is that couple. */
  static final int MINIMUM_GROUP_SIZE = 3;
  static final int WEEKS = 12;
  static final int ACTIVE_DAYS = 14;

  private final DatabaseClient database;
  private final Clock clock;

  Outcomes(DatabaseClient database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  private record CoupleRow(UUID coupleId, UUID clinicianId) {}

  /** A partner's check-ins: when they started, and how many per week (Monday) of the window. */
  private record PartnerPractice(UUID coupleId, LocalDate firstCheckin, LocalDate lastCheckin, Map<LocalDate, Integer> perWeek) {}

  private record WeekRow(UUID partnerId, UUID coupleId, LocalDate firstCheckin, LocalDate lastCheckin, LocalDate week, int checkins) {}

  private record PartnerScores(UUID coupleId, double first, double latest, boolean latestBelowCutOff, int count) {}

  Mono<ClinicOutcomes> of(Caller caller) {
    UUID clinicId = caller.administeredClinic().orElseThrow(() -> new NotFoundException("There is nothing here for you."));
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate thisWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    List<LocalDate> weeks = new ArrayList<>();
    // Complete weeks only: a week just begun would read as a drop in engagement.
    for (int i = WEEKS; i >= 1; i--) {
      weeks.add(thisWeek.minusWeeks(i));
    }
    var couples = database.sql("select couple_id, clinician_id from couple where clinic_id = :clinicId")
        .bind("clinicId", clinicId)
        .map(row -> new CoupleRow(row.get("couple_id", UUID.class), row.get("clinician_id", UUID.class)))
        .all().collectList();
    var practice = database
        .sql(
            """
            select f.partner_id, f.couple_id, f.first_checkin, f.last_checkin, w.week, coalesce(w.checkins, 0) as checkins
            from (select partner_id, couple_id, min(local_date) as first_checkin, max(local_date) as last_checkin
                  from checkin where clinic_id = :clinicId group by partner_id, couple_id) f
            left join (select partner_id, date_trunc('week', local_date)::date as week, count(*) as checkins
                       from checkin where clinic_id = :clinicId and local_date >= :from group by partner_id, week) w
                   on w.partner_id = f.partner_id
            """)
        .bind("clinicId", clinicId)
        .bind("from", weeks.getFirst())
        .map(row -> new WeekRow(row.get("partner_id", UUID.class), row.get("couple_id", UUID.class),
            row.get("first_checkin", LocalDate.class), row.get("last_checkin", LocalDate.class), row.get("week", LocalDate.class),
            row.get("checkins", Long.class).intValue()))
        .all()
        .collectList()
        .map(rows -> {
          var byPartner = new HashMap<UUID, PartnerPractice>();
          for (WeekRow row : rows) {
            var partner = byPartner.computeIfAbsent(row.partnerId(),
                id -> new PartnerPractice(row.coupleId(), row.firstCheckin(), row.lastCheckin(), new HashMap<>()));
            if (row.week() != null) { // null: a partner with no check-in in the window, who still counts as not engaged
              partner.perWeek().put(row.week(), row.checkins());
            }
          }
          return byPartner.values();
        });
    var scores = database
        .sql(
            """
            select partner_id, couple_id, count(*) as responses,
                   (array_agg(score order by local_date, completed_at))[1] as first_score,
                   (array_agg(score order by local_date desc, completed_at desc))[1] as latest_score,
                   (array_agg(below_cut_off order by local_date desc, completed_at desc))[1] as latest_below
            from measure_response where clinic_id = :clinicId and measure_id = :measureId
            group by partner_id, couple_id
            """)
        .bind("clinicId", clinicId)
        .bind("measureId", MeasureDefinitions.DEFAULT)
        .map(row -> new PartnerScores(row.get("couple_id", UUID.class), row.get("first_score", java.math.BigDecimal.class).doubleValue(),
            row.get("latest_score", java.math.BigDecimal.class).doubleValue(), Boolean.TRUE.equals(row.get("latest_below", Boolean.class)),
            row.get("responses", Long.class).intValue()))
        .all().collectList();
    return Mono.zip(couples, practice, scores).map(all -> {
      List<CoupleRow> coupleRows = all.getT1();
      Collection<PartnerPractice> partners = all.getT2();
      List<PartnerScores> measured = all.getT3();
      Set<UUID> everyCouple = new HashSet<>(coupleRows.stream().map(CoupleRow::coupleId).toList());
      Figures clinic = figures(everyCouple, partners, measured, weeks, today);
      var byClinician = new TreeMap<UUID, Set<UUID>>();
      coupleRows.forEach(row -> byClinician.computeIfAbsent(row.clinicianId(), id -> new HashSet<>()).add(row.coupleId()));
      var clinicians = byClinician.entrySet().stream()
          .map(entry -> new ClinicianFigures(entry.getKey(), figures(entry.getValue(), partners, measured, weeks, today)))
          .toList();
      return new ClinicOutcomes(MINIMUM_GROUP_SIZE, weeks, clinic, clinicians);
    });
  }

  /** The figures of the group of {@code couples}, from the whole clinic's rows. */
  static Figures figures(Set<UUID> couples, Collection<PartnerPractice> allPractice, List<PartnerScores> allScores, List<LocalDate> weeks,
      LocalDate today) {
    if (couples.size() < MINIMUM_GROUP_SIZE) {
      return new Figures(couples.size(), true, null, null, null, null, null, null);
    }
    var practice = allPractice.stream().filter(p -> couples.contains(p.coupleId())).toList();
    var scores = allScores.stream().filter(s -> couples.contains(s.coupleId())).toList();
    int active = (int) practice.stream()
        .filter(p -> !p.lastCheckin().isBefore(today.minusDays(ACTIVE_DAYS - 1L)))
        .map(PartnerPractice::coupleId).distinct().count();
    var engagement = new ArrayList<Double>();
    for (LocalDate week : weeks) {
      long possible = 0;
      long done = 0;
      for (PartnerPractice partner : practice) {
        LocalDate from = partner.firstCheckin().isAfter(week) ? partner.firstCheckin() : week;
        LocalDate to = week.plusDays(6).isAfter(today) ? today : week.plusDays(6);
        if (!from.isAfter(to)) {
          possible += ChronoUnit.DAYS.between(from, to) + 1;
          done += partner.perWeek().getOrDefault(week, 0);
        }
      }
      engagement.add(possible == 0 ? null : Math.min(1.0, (double) done / possible));
    }
    var changes = scores.stream().filter(s -> s.count() >= 2).mapToDouble(s -> s.latest() - s.first()).toArray();
    var measuredCouples = new HashSet<UUID>();
    var belowCouples = new HashSet<UUID>();
    for (PartnerScores s : scores) {
      measuredCouples.add(s.coupleId());
      if (s.latestBelowCutOff()) {
        belowCouples.add(s.coupleId());
      }
    }
    Double meanChange = changes.length == 0 ? null : java.util.Arrays.stream(changes).average().orElseThrow();
    return new Figures(couples.size(), false, active, engagement, meanChange, changes.length, measuredCouples.size(),
        measuredCouples.isEmpty() ? null : (double) belowCouples.size() / measuredCouples.size());
  }
}
