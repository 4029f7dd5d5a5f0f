package app.tend.web.couple;

import app.tend.web.checkin.TrustAct;
import app.tend.web.couple.CoupleDetailApi.Checkin;
import app.tend.web.couple.CoupleDetailApi.PartnerCheckins;
import app.tend.web.platform.security.SignedIn;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToIntFunction;
import org.springframework.stereotype.Component;

/**
 * The session-prep summary of one couple: the last two weeks on paper for the clinician to read
 * before a session. Read through the same audited endpoints as the couple page, laid out by
 * {@link PdfPages}, with the page's own charts.
 */
@Component
class SessionPrep {

  static final int DAYS = 14;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.UK);
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
      .withLocale(Locale.UK);

  private final CoupleDetailApi api;

  SessionPrep(CoupleDetailApi api) {
    this.api = api;
  }

  /**
   * Everything the summary shows, read for one couple.
   *
   * @param names partners' first names by id, in chart order (solid line first)
   */
  record Summary(String coupleName, Map<UUID, String> names, ZoneId zone, LocalDate from, LocalDate to, Instant preparedAt,
                 List<PartnerCheckins> checkins, CoupleDetailApi.CoupleScores scores, CoupleDetailApi.CoupleCommitments commitments,
                 List<CoupleDetailApi.Repair> repairs, List<CoupleDetailApi.SafetyFlag> safetyFlags,
                 List<CoupleDetailApi.SessionNote> notes) {}

  /** The couple's summary as {@code person} may read it; null when the couple is not theirs. */
  Summary read(SignedIn person, UUID coupleId) {
    var couple = api.couple(person, coupleId);
    if (couple == null) {
      return null;
    }
    ZoneId zone = couple.partners().stream().map(CoupleDetailApi.Person::timeZone).filter(z -> z != null).findFirst()
        .map(ZoneId::of).orElse(ZoneId.of("UTC"));
    LocalDate to = LocalDate.now(zone);
    LocalDate from = to.minusDays(DAYS - 1L);
    Map<UUID, String> names = new LinkedHashMap<>();
    couple.partners().stream().filter(p -> p.partnerId() != null && !"LEFT".equals(p.state()))
        .sorted(Comparator.comparing(CoupleDetailApi.Person::partnerId))
        .forEach(p -> names.put(p.partnerId(), p.firstName()));
    var checkins = api.checkins(person, coupleId, from, to).stream().sorted(Comparator.comparing(PartnerCheckins::partnerId)).toList();
    Instant since = from.atStartOfDay(zone).toInstant();
    var repairs = api.repairs(person, coupleId).stream()
        .filter(r -> r.closedAt() == null || r.steps().stream().anyMatch(step -> !step.at().isBefore(since)))
        .toList();
    // Named as on the couple page: first names in alphabetical order.
    return new Summary(String.join(" & ", names.values().stream().sorted().toList()), names, zone, from, to, Instant.now(), checkins, api.scores(person, coupleId),
        api.commitments(person, coupleId), repairs, api.safetyFlags(person, coupleId), api.notes(person, coupleId));
  }

  /** The summary as a PDF. */
  static byte[] pdf(Summary summary) {
    try (var pages = new PdfPages()) {
      pages.heading("Session prep: " + summary.coupleName(), 18);
      pages.quiet("The last two weeks, " + DAY.format(summary.from()) + " to " + DAY.format(summary.to()) + ". Prepared "
          + WHEN.format(summary.preparedAt().atZone(summary.zone())) + " (" + summary.zone().getId() + "). Confidential: for the "
          + "couple's clinician; the partners never see it.", 9);
      safety(pages, summary);
      glance(pages, summary);
      charts(pages, summary);
      commitments(pages, summary);
      repairs(pages, summary);
      reflections(pages, summary);
      notes(pages, summary);
      return pages.finish("Tend · session prep · " + summary.coupleName());
    }
  }

  private static void safety(PdfPages pages, Summary summary) {
    var open = summary.safetyFlags().stream().filter(f -> !"RESOLVED".equals(f.state())).toList();
    if (open.isEmpty()) {
      return;
    }
    pages.skip(6);
    pages.write("Safety: " + open.size() + (open.size() == 1 ? " concern is" : " concerns are") + " not resolved (raised "
        + String.join(", ", open.stream().map(f -> WHEN.format(f.raisedAt().atZone(summary.zone())) + ", "
        + f.state().toLowerCase(Locale.ROOT)).toList()) + "). See the couple page.", pages.bold, 11, PdfPages.ALERT, PdfPages.WIDTH);
  }

  private static void glance(PdfPages pages, Summary summary) {
    pages.heading("At a glance", 13);
    for (var partner : summary.checkins()) {
      String name = summary.names().getOrDefault(partner.partnerId(), "A partner");
      var days = partner.checkins().stream().filter(c -> !c.day().isBefore(summary.from())).toList();
      var averages = new ArrayList<String>();
      for (TrustAct act : TrustAct.values()) {
        averages.add(act.displayName().toLowerCase(Locale.UK) + " " + average(days, CoupleCharts.valueOf(act)));
      }
      long appreciations = days.stream().filter(c -> c.appreciation() != null && !c.appreciation().isBlank()).count();
      pages.paragraph(name + " checked in on " + days.size() + " of " + DAYS + " days" + (days.isEmpty() ? "." : "; averages (0–4): "
          + String.join(", ", averages) + "; connected (1–5) " + average(days, Checkin::connected) + ". " + appreciations
          + (appreciations == 1 ? " appreciation" : " appreciations") + " written."), 10);
    }
  }

  private static String average(List<Checkin> days, ToIntFunction<Checkin> value) {
    return days.isEmpty() ? "–" : String.format(Locale.UK, "%.1f", days.stream().mapToInt(value).average().orElseThrow());
  }

  private static void charts(PdfPages pages, Summary summary) {
    pages.heading("How each day went", 13);
    var legend = new ArrayList<String>();
    int i = 0;
    for (String name : summary.names().values()) {
      legend.add(name + (i++ % 2 == 0 ? ": solid teal line" : ": dashed purple line"));
    }
    pages.quiet(String.join(" · ", legend), 9);
    float gap = 16;
    float width = (PdfPages.WIDTH - gap) / 2;
    float height = PdfChartCanvas.height(width);
    var charts = CoupleCharts.trends(summary.checkins(), summary.names(), summary.from(), summary.to());
    for (int c = 0; c < charts.size(); c += 2) {
      float top = pages.need(height + 22) - 16;
      for (int column = 0; column < 2 && c + column < charts.size(); column++) {
        var chart = charts.get(c + column);
        float left = PdfPages.MARGIN + column * (width + gap);
        pages.text(left, top + 4, chart.title(), pages.bold, 10, PdfPages.INK);
        CoupleChart.draw(new PdfChartCanvas(pages, left, top - 4, width), chart);
      }
      pages.skip(height + 22);
    }
    var scores = CoupleCharts.scores(summary.scores(), summary.names());
    pages.heading(summary.scores().title(), 13);
    if (scores == null) {
      pages.paragraph("Neither partner has answered it yet.", 10);
      return;
    }
    float top = pages.need(height + 10) - 4;
    CoupleChart.draw(new PdfChartCanvas(pages, PdfPages.MARGIN, top, width), scores);
    pages.skip(height + 10);
    pages.quiet(scores.description(), 9);
  }

  private static void commitments(PdfPages pages, Summary summary) {
    pages.heading("Commitments", 13);
    for (var ledger : summary.commitments().partners()) {
      String name = summary.names().getOrDefault(ledger.partnerId(), "A partner");
      String other = summary.names().entrySet().stream().filter(e -> !e.getKey().equals(ledger.partnerId())).map(Map.Entry::getValue)
          .findFirst().orElse("their partner");
      pages.need(50);
      pages.write(name + "'s commitments to " + other, pages.bold, 11, PdfPages.INK, PdfPages.WIDTH);
      pages.paragraph(CoupleWords.followThrough(ledger.followThrough()), 10);
      for (var commitment : ledger.made()) {
        if (commitment.withdrawn() && commitment.occurrences().isEmpty()) {
          continue;
        }
        pages.writeAt(PdfPages.MARGIN + 12, "• " + commitment.words() + " (" + (commitment.withdrawn() ? "withdrawn"
            : commitment.schedule().describe().toLowerCase(Locale.UK)) + "). " + CoupleWords.occurrences(commitment.occurrences(), other),
            pages.regular, 10, PdfPages.INK, PdfPages.WIDTH);
      }
      pages.skip(4);
    }
  }

  private static void repairs(PdfPages pages, Summary summary) {
    pages.heading("Repairs open or active in these two weeks", 13);
    if (summary.repairs().isEmpty()) {
      pages.paragraph("None.", 10);
      return;
    }
    for (var repair : summary.repairs()) {
      pages.write(CoupleWords.repairHeading(repair, summary.names()), pages.bold, 10, PdfPages.INK, PdfPages.WIDTH);
      for (var step : repair.steps()) {
        pages.writeAt(PdfPages.MARGIN + 12, WHEN.format(step.at().atZone(summary.zone())) + ": " + CoupleWords.step(step, summary.names())
            + (step.words() == null ? "" : ": “" + step.words() + "”"), pages.regular, 10, PdfPages.INK, PdfPages.WIDTH);
      }
      pages.skip(4);
    }
  }

  private static void reflections(PdfPages pages, Summary summary) {
    pages.heading("Private reflections shared with you", 13);
    for (var partner : summary.checkins()) {
      String name = summary.names().getOrDefault(partner.partnerId(), "A partner");
      if (!partner.reflectionsShared()) {
        pages.quiet(name + " keeps their private reflections to themselves.", 10);
        continue;
      }
      var written = partner.checkins().stream().filter(c -> c.privateReflection() != null && !c.privateReflection().isBlank())
          .sorted(Comparator.comparing(Checkin::day).reversed()).toList();
      if (written.isEmpty()) {
        pages.paragraph(name + ": none in these two weeks.", 10);
      }
      for (var checkin : written) {
        pages.paragraph(name + ", " + DAY.format(checkin.day()) + ": " + checkin.privateReflection(), 10);
      }
    }
  }

  private static void notes(PdfPages pages, Summary summary) {
    pages.heading("Your latest session notes", 13);
    if (summary.notes().isEmpty()) {
      pages.paragraph("None yet.", 10);
      return;
    }
    for (var note : summary.notes().stream().limit(3).toList()) {
      pages.quiet(WHEN.format(note.writtenAt().atZone(summary.zone())) + (note.byMe() ? "" : " · by a previous clinician"), 9);
      pages.paragraph(note.words(), 10);
    }
  }
}
