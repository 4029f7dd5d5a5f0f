package app.tend.checkins.outcome;

import app.tend.checkins.measure.MeasureDefinitions;
import app.tend.checkins.outcome.ClinicOutcomes.ClinicianFigures;
import app.tend.checkins.outcome.ClinicOutcomes.Figures;
import app.tend.checkins.outcome.OutcomeRows.CoupleRow;
import app.tend.checkins.outcome.OutcomeRows.PartnerScores;
import app.tend.checkins.outcome.OutcomeRows.WeekRow;
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

  private final OutcomeRows rows;
  private final Clock clock;

  Outcomes(OutcomeRows rows, Clock clock) {
    this.rows = rows;
    this.clock = clock;
  }

  /** A partner's check-ins: when they started, and how many per week (Monday) of the window. */
  private record PartnerPractice(UUID coupleId, LocalDate firstCheckin, LocalDate lastCheckin, Map<LocalDate, Integer> perWeek) {}

  Mono<ClinicOutcomes> of(Caller caller) {
    UUID clinicId = caller.administeredClinic().orElseThrow(() -> new NotFoundException("There is nothing here for you."));
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate thisWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    List<LocalDate> weeks = new ArrayList<>();
    // Complete weeks only: a week just begun would read as a drop in engagement.
    for (int i = WEEKS; i >= 1; i--) {
      weeks.add(thisWeek.minusWeeks(i));
    }
    var couples = rows.couples(clinicId);
    var practice = rows.weeklyCheckins(clinicId, weeks.getFirst())
        .map(weekRows -> {
          var byPartner = new HashMap<UUID, PartnerPractice>();
          for (WeekRow row : weekRows) {
            var partner = byPartner.computeIfAbsent(row.partnerId(),
                id -> new PartnerPractice(row.coupleId(), row.firstCheckin(), row.lastCheckin(), new HashMap<>()));
            if (row.week() != null) { // null: a partner with no check-in in the window, who still counts as not engaged
              partner.perWeek().put(row.week(), row.checkins());
            }
          }
          return byPartner.values();
        });
    var scores = rows.scores(clinicId, MeasureDefinitions.DEFAULT);
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
