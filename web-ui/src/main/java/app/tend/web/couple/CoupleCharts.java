package app.tend.web.couple;

import app.tend.web.checkin.TrustAct;
import app.tend.web.couple.CoupleChart.Point;
import app.tend.web.couple.CoupleChart.Series;
import app.tend.web.couple.CoupleChart.Spec;
import app.tend.web.couple.CoupleDetailApi.Checkin;
import app.tend.web.couple.CoupleDetailApi.PartnerCheckins;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The couple's charts, the same on the page and in the session-prep summary: one per trust act and
 * "connected" with both partners, and the measure's history against its cut-off.
 */
final class CoupleCharts {

  // Each partner keeps one colour and one line style on every chart: solid for the first, dashed for the second.
  static final List<String> STYLES = List.of("partner-a", "partner-b");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.UK);

  private CoupleCharts() {}

  /** Four trust acts and "connected", each with both partners, from {@code from} to {@code to}. */
  static List<Spec> trends(List<PartnerCheckins> checkins, Map<UUID, String> names, LocalDate from, LocalDate to) {
    var charts = new ArrayList<Spec>();
    List<String> answers = IntStream.rangeClosed(0, 4).mapToObj(TrustAct::answer).toList();
    for (TrustAct act : TrustAct.values()) {
      charts.add(trend(act.displayName(), checkins, names, from, to, 0, answers, valueOf(act)));
    }
    charts.add(trend("Connected", checkins, names, from, to, 1, IntStream.rangeClosed(1, 5).mapToObj(TrustAct::connected).toList(),
        Checkin::connected));
    return charts;
  }

  /** The answer for {@code act} in a check-in. */
  static ToIntFunction<Checkin> valueOf(TrustAct act) {
    return switch (act) {
      case FOLLOW_THROUGH -> Checkin::followThrough;
      case EMPATHIC_LISTENING -> Checkin::empathicListening;
      case HONESTY -> Checkin::honesty;
      case MATTERING -> Checkin::mattering;
    };
  }

  private static Spec trend(String title, List<PartnerCheckins> checkins, Map<UUID, String> names, LocalDate from, LocalDate to, int min,
      List<String> labels, ToIntFunction<Checkin> value) {
    List<Series> series = new ArrayList<>();
    List<String> said = new ArrayList<>();
    for (int i = 0; i < checkins.size(); i++) {
      var partner = checkins.get(i);
      var points = partner.checkins().stream().filter(c -> !c.day().isBefore(from) && !c.day().isAfter(to))
          .map(c -> new Point(c.day(), value.applyAsInt(c))).toList();
      String name = names.getOrDefault(partner.partnerId(), "A partner");
      series.add(new Series(name, STYLES.get(i % STYLES.size()), points));
      said.add(name + ": " + (points.isEmpty() ? "no check-ins" : points.size() + " check-ins, average "
          + String.format(Locale.UK, "%.1f", points.stream().mapToDouble(Point::value).average().orElse(0)) + ", latest "
          + labels.get((int) points.getLast().value() - min).toLowerCase(Locale.UK)));
    }
    String description = title + ", " + DAY.format(from) + " to " + DAY.format(to) + ". " + String.join(". ", said) + ".";
    return new Spec(title, description, from, to, min, min + labels.size() - 1, labels, series, null);
  }

  /** Both partners' measure scores against its cut-off; null when neither has answered it. */
  static Spec scores(CoupleDetailApi.CoupleScores scores, Map<UUID, String> names) {
    var partners = scores.partners().stream().sorted(Comparator.comparing(CoupleDetailApi.PartnerScores::partnerId)).toList();
    if (partners.stream().allMatch(p -> p.scores().isEmpty())) {
      return null;
    }
    List<Series> series = new ArrayList<>();
    List<String> said = new ArrayList<>();
    LocalDate first = null;
    LocalDate last = null;
    for (int i = 0; i < partners.size(); i++) {
      var partner = partners.get(i);
      String name = names.getOrDefault(partner.partnerId(), "A partner");
      series.add(new Series(name, STYLES.get(i % STYLES.size()), partner.scores().stream().map(s -> new Point(s.day(), s.score())).toList()));
      said.add(name + ": " + (partner.scores().isEmpty() ? "not answered" : partner.scores().stream()
          .map(s -> DAY.format(s.day()) + " " + String.format(Locale.UK, "%.0f", s.score()) + (s.belowCutOff() ? " (below the cut-off)" : ""))
          .collect(Collectors.joining(", "))));
      for (var score : partner.scores()) {
        first = first == null || score.day().isBefore(first) ? score.day() : first;
        last = last == null || score.day().isAfter(last) ? score.day() : last;
      }
    }
    var reference = scores.cutOff() == null ? null
        : new CoupleChart.Reference(scores.cutOff(), "cut-off " + String.format(Locale.UK, "%.1f", scores.cutOff()));
    String description = scores.title() + " scores from " + String.format(Locale.UK, "%.0f", scores.min()) + " to "
        + String.format(Locale.UK, "%.0f", scores.max()) + (scores.cutOff() == null ? "" : "; below " + scores.cutOff() + " matters clinically")
        + ". " + String.join(". ", said) + ".";
    return new Spec(scores.title(), description, first.minusDays(7), last.plusDays(7), scores.min(), scores.max(), List.of(), series,
        reference);
  }
}
