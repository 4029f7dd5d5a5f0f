package app.tend.web.couple;

import app.tend.web.couple.CoupleDetailApi.Checkin;
import app.tend.web.couple.CoupleDetailApi.PartnerCheckins;
import app.tend.web.platform.StatusLine;
import app.tend.web.platform.api.ApiProblem;
import app.tend.web.platform.security.SignedIn;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One couple as their clinician sees it: both partners' trends for the four acts and "connected"
 * over 4 or 12 weeks, one chart per act with both partners on it; their CSI-4 scores against the
 * cut-off; each partner's commitments and follow-through; every repair with every step;
 * appreciations written; private reflections only where that partner agreed; the clinician's own
 * session notes; and the session-prep PDF of the last two weeks. Every read is audited by the
 * service that holds the data.
 */
@Route("couples/:coupleId")
@PageTitle("Couple · Tend")
@RolesAllowed(SignedIn.CLINICIAN)
public class CoupleView extends VerticalLayout implements BeforeEnterObserver {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.UK);

  private final CoupleDetailApi api;
  private final SessionPrep sessionPrep;
  private final RadioButtonGroup<Integer> weeks = new RadioButtonGroup<>("Period");
  private final Div content = new Div();
  private UUID coupleId;

  CoupleView(CoupleDetailApi api, SessionPrep sessionPrep) {
    this.api = api;
    this.sessionPrep = sessionPrep;
    addClassName("couple-page");
    weeks.setItems(4, 12);
    weeks.setItemLabelGenerator(w -> "Last " + w + " weeks");
    weeks.setValue(4);
    weeks.addValueChangeListener(change -> SignedIn.current().ifPresent(this::show));
    content.setWidthFull();
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    coupleId = event.getRouteParameters().get("coupleId").map(CoupleView::uuid).orElse(null);
    removeAll();
    SignedIn.current().ifPresent(this::show);
  }

  private void show(SignedIn person) {
    removeAll();
    content.removeAll();
    var couple = coupleId == null ? null : api.couple(person, coupleId);
    if (couple == null) {
      add(new H1("This couple is not among yours"), new Paragraph("Open a couple from your list of couples."));
      return;
    }
    Map<UUID, String> names = new HashMap<>();
    couple.partners().stream().filter(p -> p.partnerId() != null && !"LEFT".equals(p.state()))
        .forEach(p -> names.put(p.partnerId(), p.firstName()));
    add(new H1(String.join(" & ", names.values().stream().sorted().toList())), prepDownload(person), weeks, content);
    ZoneId zone = couple.partners().stream().map(CoupleDetailApi.Person::timeZone).filter(z -> z != null).findFirst()
        .map(ZoneId::of).orElse(ZoneId.of("UTC"));
    LocalDate to = LocalDate.now(zone);
    LocalDate from = to.minusWeeks(weeks.getValue()).plusDays(1);
    try {
      var checkins = api.checkins(person, coupleId, from, to).stream()
          .sorted(java.util.Comparator.comparing(PartnerCheckins::partnerId)).toList();
      showTrends(checkins, names, from, to);
      showScores(api.scores(person, coupleId), names);
      showCommitments(api.commitments(person, coupleId), names);
      showRepairs(api.repairs(person, coupleId), names, zone);
      showAppreciations(checkins, names);
      showReflections(checkins, names);
      showNotes(person, zone);
    } catch (ApiProblem.Exception e) {
      content.add(new Paragraph(e.problem().detail()));
    }
  }

  /** The session-prep PDF of the last two weeks, made when the link is followed. */
  private Anchor prepDownload(SignedIn person) {
    UUID couple = coupleId;
    var link = new Anchor(DownloadHandler.fromInputStream(download -> {
      var summary = sessionPrep.read(person, couple);
      if (summary == null) {
        return DownloadResponse.error(404);
      }
      byte[] pdf = SessionPrep.pdf(summary);
      String names = summary.coupleName().replace(" & ", "-").replaceAll("[^A-Za-z0-9-]", "");
      return new DownloadResponse(new ByteArrayInputStream(pdf), "session-prep-" + names + "-" + summary.to() + ".pdf", "application/pdf",
          pdf.length);
    }), "Session-prep summary (PDF, last two weeks)");
    link.addClassName("prep-download");
    return link;
  }

  private void showTrends(List<PartnerCheckins> checkins, Map<UUID, String> names, LocalDate from, LocalDate to) {
    content.add(new H2("How each day went"));
    content.add(legend(checkins.stream().map(PartnerCheckins::partnerId).toList(), names));
    for (var chart : CoupleCharts.trends(checkins, names, from, to)) {
      var box = new Div(new H3(chart.title()), new Svg(CoupleChart.svg(chart)));
      box.addClassName("chart-box");
      content.add(box);
    }
  }

  private void showScores(CoupleDetailApi.CoupleScores scores, Map<UUID, String> names) {
    content.add(new H2(scores.title()));
    var chart = CoupleCharts.scores(scores, names);
    if (chart == null) {
      content.add(new Paragraph("Neither partner has answered it yet."));
      return;
    }
    content.add(legend(scores.partners().stream().map(CoupleDetailApi.PartnerScores::partnerId).sorted().toList(), names));
    var box = new Div(new Svg(CoupleChart.svg(chart)));
    box.addClassName("chart-box");
    content.add(box);
  }

  /** Each partner's commitments to the other, how each went over four weeks, and how the other saw it. */
  private void showCommitments(CoupleDetailApi.CoupleCommitments commitments, Map<UUID, String> names) {
    content.add(new H2("Commitments"));
    for (var ledger : commitments.partners()) {
      String name = names.getOrDefault(ledger.partnerId(), "A partner");
      String other = names.entrySet().stream().filter(e -> !e.getKey().equals(ledger.partnerId())).map(Map.Entry::getValue)
          .findFirst().orElse("their partner");
      content.add(new H3(name + "'s commitments to " + other));
      content.add(new Paragraph(CoupleWords.followThrough(ledger.followThrough())));
      if (ledger.made().isEmpty()) {
        continue;
      }
      var list = new UnorderedList();
      list.addClassName("ledger");
      for (var commitment : ledger.made()) {
        var words = new Span(commitment.words());
        words.addClassName("ledger-words");
        var when = new Span(commitment.withdrawn() ? "Withdrawn" : commitment.schedule().describe());
        when.addClassName("quiet");
        list.add(new ListItem(words, when, new Span(CoupleWords.occurrences(commitment.occurrences(), other))));
      }
      content.add(list);
    }
  }

  /** Every repair with every step, open ones first, in the words the partners used. */
  private void showRepairs(List<CoupleDetailApi.Repair> repairs, Map<UUID, String> names, ZoneId zone) {
    content.add(new H2("Repairs"));
    if (repairs.isEmpty()) {
      content.add(new Paragraph("No repair has been opened."));
      return;
    }
    DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(Locale.UK);
    for (var repair : repairs) {
      content.add(new H3(CoupleWords.repairHeading(repair, names)));
      var steps = new UnorderedList();
      steps.addClassName("repair-timeline");
      for (var step : repair.steps()) {
        var at = new Span(when.format(step.at().atZone(zone)));
        at.addClassName("quiet");
        var item = new ListItem(at, new Span(CoupleWords.step(step, names)));
        if (step.words() != null) {
          var said = new Paragraph("“" + step.words() + "”");
          said.addClassName("repair-words");
          item.add(said);
        }
        steps.add(item);
      }
      content.add(steps);
    }
  }

  private void showAppreciations(List<PartnerCheckins> checkins, Map<UUID, String> names) {
    content.add(new H2("Appreciation"));
    content.add(new Paragraph(checkins.stream().map(p -> names.getOrDefault(p.partnerId(), "A partner") + " wrote "
        + count(p.checkins().stream().filter(c -> c.appreciation() != null && !c.appreciation().isBlank()).count(), "appreciation"))
        .collect(Collectors.joining("; ")) + " in this period."));
  }

  private void showReflections(List<PartnerCheckins> checkins, Map<UUID, String> names) {
    content.add(new H2("Private reflections shared with you"));
    for (var partner : checkins) {
      String name = names.getOrDefault(partner.partnerId(), "A partner");
      if (!partner.reflectionsShared()) {
        var not = new Paragraph(name + " keeps their private reflections to themselves.");
        not.addClassName("quiet");
        content.add(not);
        continue;
      }
      var written = partner.checkins().stream().filter(c -> c.privateReflection() != null && !c.privateReflection().isBlank())
          .sorted(java.util.Comparator.comparing(Checkin::day).reversed()).toList();
      content.add(new H3(name));
      if (written.isEmpty()) {
        content.add(new Paragraph("None in this period."));
        continue;
      }
      var list = new UnorderedList();
      list.addClassName("reflections");
      written.forEach(c -> list.add(new ListItem(new Span(DAY.format(c.day()) + ": "), new Span(c.privateReflection()))));
      content.add(list);
    }
  }

  /** The clinician's own notes for their sessions: never seen by the partners. */
  private void showNotes(SignedIn person, ZoneId zone) {
    content.add(new H2("Session notes"));
    var explain = new Paragraph("For you and whoever looks after this couple after you; the partners never see them.");
    explain.addClassName("quiet");
    var words = new TextArea("New note");
    words.setMaxLength(5000);
    words.setWidthFull();
    var status = new StatusLine();
    var list = new UnorderedList();
    list.addClassName("session-notes");
    var save = new Button("Save note", click -> {
      try {
        api.writeNote(person, coupleId, words.getValue());
        words.clear();
        status.setText("Saved.");
        fillNotes(list, api.notes(person, coupleId), zone);
      } catch (ApiProblem.Exception e) {
        status.setText(e.problem().detail());
      }
    });
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    content.add(explain, words, save, status, list);
    fillNotes(list, api.notes(person, coupleId), zone);
  }

  private static void fillNotes(UnorderedList list, List<CoupleDetailApi.SessionNote> notes, ZoneId zone) {
    list.removeAll();
    DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(Locale.UK);
    for (var note : notes) {
      var meta = new Span(when.format(note.writtenAt().atZone(zone)) + (note.byMe() ? "" : " · by a previous clinician"));
      meta.addClassName("quiet");
      list.add(new ListItem(meta, new Paragraph(note.words())));
    }
  }

  private static Div legend(List<UUID> partners, Map<UUID, String> names) {
    var legend = new Div();
    legend.addClassName("chart-legend");
    for (int i = 0; i < partners.size(); i++) {
      var key = new Span(names.getOrDefault(partners.get(i), "A partner") + (i % 2 == 0 ? " — solid line" : " — dashed line"));
      key.addClassName(CoupleCharts.STYLES.get(i % CoupleCharts.STYLES.size()));
      legend.add(key);
    }
    return legend;
  }

  private static String count(long n, String word) {
    return (n == 0 ? "no" : Long.toString(n)) + " " + word + (n == 1 ? "" : "s");
  }

  private static UUID uuid(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
