package app.tend.checkins.caseload;

import app.tend.checkins.caseload.CaseloadCouple.Attention;
import app.tend.checkins.caseload.CaseloadCouple.Direction;
import app.tend.checkins.caseload.CaseloadCouple.PartnerGlance;
import app.tend.checkins.caseload.CaseloadCouple.Reason;
import app.tend.checkins.clinic.ClinicRules;
import app.tend.platform.audit.AuditLog;
import app.tend.platform.security.Caller;
import app.tend.platform.web.NotFoundException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A clinician's caseload: every couple assigned to them, what needs attention first (open safety
 * concerns, then repairs brought to session, measures below their cut-off, sharp trend drops, days
 * without check-ins), and each partner at a glance. A handful of queries for the whole caseload,
 * whatever its size, and one audit record per couple listed.
 */
@Service
public class Caseload {

  /** A change in a 7-day average smaller than this, on the 0–4 scale, reads as steady. */
  static final double NOTICEABLE_CHANGE = 0.5;
  static final List<String> ACTS = List.of("follow_through", "empathic_listening", "honesty", "mattering");

  private final CaseloadRows rows;
  private final ClinicRules rules;
  private final AuditLog audit;

  Caseload(CaseloadRows rows, ClinicRules rules, AuditLog audit) {
    this.rows = rows;
    this.rules = rules;
    this.audit = audit;
  }

  public Mono<List<CaseloadCouple>> of(Caller caller) {
    if (!caller.has(Caller.CLINICIAN) || caller.clinicId().isEmpty()) {
      return Mono.error(new NotFoundException("There is nothing here for you."));
    }
    UUID clinicId = caller.clinicId().get();
    UUID clinicianId = caller.subject();
    return Mono.zip(rows.couples(clinicId, clinicianId), rows.glances(clinicId, clinicianId), rows.attention(clinicId, clinicianId),
            rows.followThrough(clinicId, clinicianId), rules.of(clinicId))
        .map(all -> assemble(all.getT1(), all.getT2(), all.getT3(), all.getT4(), all.getT5().alertDaysWithoutCheckin()))
        .flatMap(caseload -> audit.couplesDataRead(caller, clinicId, "caseload", caseload.stream().map(CaseloadCouple::coupleId).toList())
            .thenReturn(caseload));
  }

  static Direction direction(Double now, Double before) {
    if (now == null || before == null) {
      return Direction.UNKNOWN;
    }
    double change = now - before;
    return change >= NOTICEABLE_CHANGE ? Direction.UP : change <= -NOTICEABLE_CHANGE ? Direction.DOWN : Direction.STEADY;
  }

  private static List<CaseloadCouple> assemble(List<UUID> couples, List<CaseloadRows.Glance> glances, List<CaseloadRows.Flag> flags, Map<UUID, Double> followThrough,
      int daysWithoutCheckinAlert) {
    Map<UUID, List<PartnerGlance>> partners = new HashMap<>();
    glances.forEach(glance -> partners.computeIfAbsent(glance.coupleId(), id -> new ArrayList<>()).add(glance.partner()));
    Map<UUID, List<Attention>> attention = new HashMap<>();
    flags.forEach(flag -> attention.computeIfAbsent(flag.coupleId(), id -> new ArrayList<>()).add(flag.attention()));
    Instant now = Instant.now();
    List<CaseloadCouple> caseload = new ArrayList<>();
    for (UUID coupleId : couples) {
      var glance = partners.getOrDefault(coupleId, List.of()).stream().sorted(Comparator.comparing(PartnerGlance::partnerId)).toList();
      var reasons = new ArrayList<>(attention.getOrDefault(coupleId, List.of()));
      var away = glance.stream().filter(p -> p.daysWithoutCheckin() != null && p.daysWithoutCheckin() >= daysWithoutCheckinAlert).toList();
      if (!away.isEmpty()) {
        int longest = away.stream().mapToInt(PartnerGlance::daysWithoutCheckin).max().orElseThrow();
        reasons.add(new Attention(Reason.DAYS_WITHOUT_CHECKIN, away.size(), now.minus(longest, ChronoUnit.DAYS)));
      }
      reasons.sort(Comparator.comparing(Attention::reason));
      Double rate = followThrough.get(coupleId);
      caseload.add(new CaseloadCouple(coupleId, List.copyOf(reasons), glance, rate == null || rate.isNaN() ? null : rate));
    }
    caseload.sort(ATTENTION_FIRST);
    return caseload;
  }

  /**
   * The most urgent reason first; among couples with the same, the one whose reason is most recent
   * first; couples needing nothing last, in a stable order.
   */
  static final Comparator<CaseloadCouple> ATTENTION_FIRST = Comparator
      .comparing((CaseloadCouple couple) -> couple.attention().isEmpty() ? Reason.values().length : couple.attention().getFirst().reason().ordinal())
      .thenComparing(couple -> couple.attention().isEmpty() ? Instant.EPOCH : couple.attention().getFirst().since(), Comparator.reverseOrder())
      .thenComparing(CaseloadCouple::coupleId);
}
