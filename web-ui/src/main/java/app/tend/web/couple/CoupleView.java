package app.tend.web.couple;

import app.tend.web.checkin.TrustAct;
import app.tend.web.couple.CoupleChart.Point;
import app.tend.web.couple.CoupleChart.Series;
import app.tend.web.couple.CoupleDetailApi.Checkin;
import app.tend.web.couple.CoupleDetailApi.PartnerCheckins;
import app.tend.web.layout.MainLayout;
import app.tend.web.platform.StatusLine;
import app.tend.web.platform.api.ApiProblem;
import app.tend.web.platform.security.SignedIn;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One couple as their clinician sees it: both partners' trends for the four acts and "connected"
 * over 4 or 12 weeks, one chart per act with both partners on it; their CSI-4 scores against the
 * cut-off; appreciations written; private reflections only where that partner agreed; and the
 * clinician's own session notes. Every read is audited by checkin-service.
 */
@Route(value = "couples/:coupleId", layout = MainLayout.class)
@PageTitle("Couple · Tend")
@RolesAllowed(SignedIn.CLINICIAN)
public class CoupleView extends VerticalLayout implements BeforeEnterObserver {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.UK);
  // Each partner keeps one colour and one line style on every chart: solid for the first, dashed for the second.
  private static final List<String> STYLES = List.of("partner-a", "partner-b");

  private final CoupleDetailApi api;
  private final RadioButtonGroup<Integer> weeks = new RadioButtonGroup<>("Period");
  private final Div content = new Div();
  private UUID coupleId;

  CoupleView(CoupleDetailApi api) {
    this.api = api;
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
    add(new H1(String.join(" & ", names.values().stream().sorted().toList())), weeks, content);
    ZoneId zone = couple.partners().stream().map(CoupleDetailApi.Person::timeZone).filter(z -> z != null).findFirst()
        .map(ZoneId::of).orElse(ZoneId.of("UTC"));
    LocalDate to = LocalDate.now(zone);
    LocalDate from = to.minusWeeks(weeks.getValue()).plusDays(1);
    try {
      var checkins = api.checkins(person, coupleId, from, to).stream()
          .sorted(java.util.Comparator.comparing(PartnerCheckins::partnerId)).toList();
      showTrends(checkins, names, from, to);
      showScores(api.scores(person, coupleId), names);
      showAppreciations(checkins, names);
      showReflections(checkins, names);
      showNotes(person, zone);
    } catch (ApiProblem.Exception e) {
      content.add(new Paragraph(e.problem().detail()));
    }
  }

  private void showTrends(List<PartnerCheckins> checkins, Map<UUID, String> names, LocalDate from, LocalDate to) {
    content.add(new H2("How each day went"));
    content.add(legend(checkins.stream().map(PartnerCheckins::partnerId).toList(), names));
    List<String> answers = IntStream.rangeClosed(0, 4).mapToObj(TrustAct::answer).toList();
    for (TrustAct act : TrustAct.values()) {
      chart(act.displayName(), checkins, names, from, to, 0, 4, answers, valueOf(act));
    }
    chart("Connected", checkins, names, from, to, 1, 5, IntStream.rangeClosed(1, 5).mapToObj(TrustAct::connected).toList(), Checkin::connected);
  }

  private static ToIntFunction<Checkin> valueOf(TrustAct act) {
    return switch (act) {
      case FOLLOW_THROUGH -> Checkin::followThrough;
      case EMPATHIC_LISTENING -> Checkin::empathicListening;
      case HONESTY -> Checkin::honesty;
      case MATTERING -> Checkin::mattering;
    };
  }

  private void chart(String title, List<PartnerCheckins> checkins, Map<UUID, String> names, LocalDate from, LocalDate to, int min, int max,
      List<String> labels, ToIntFunction<Checkin> value) {
    List<Series> series = new ArrayList<>();
    List<String> said = new ArrayList<>();
    for (int i = 0; i < checkins.size(); i++) {
      var partner = checkins.get(i);
      var points = partner.checkins().stream().map(c -> new Point(c.day(), value.applyAsInt(c))).toList();
      String name = names.getOrDefault(partner.partnerId(), "A partner");
      series.add(new Series(name, STYLES.get(i % STYLES.size()), points));
      said.add(name + ": " + (points.isEmpty() ? "no check-ins" : points.size() + " check-ins, average "
          + String.format(Locale.UK, "%.1f", points.stream().mapToDouble(Point::value).average().orElse(0)) + ", latest "
          + labels.get((int) points.getLast().value() - min).toLowerCase(Locale.UK)));
    }
    String description = title + ", " + DAY.format(from) + " to " + DAY.format(to) + ". " + String.join(". ", said) + ".";
    var box = new Div(new H3(title), new Svg(CoupleChart.svg(title, description, from, to, min, max, labels, series, null)));
    box.addClassName("chart-box");
    content.add(box);
  }

  private void showScores(CoupleDetailApi.CoupleScores scores, Map<UUID, String> names) {
    content.add(new H2(scores.title()));
    var partners = scores.partners().stream().sorted(java.util.Comparator.comparing(CoupleDetailApi.PartnerScores::partnerId)).toList();
    if (partners.stream().allMatch(p -> p.scores().isEmpty())) {
      content.add(new Paragraph("Neither partner has answered it yet."));
      return;
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
    LocalDate from = first.minusDays(7);
    LocalDate to = last.plusDays(7);
    content.add(legend(partners.stream().map(CoupleDetailApi.PartnerScores::partnerId).toList(), names));
    var box = new Div(new Svg(CoupleChart.svg(scores.title(), description, from, to, scores.min(), scores.max(), List.of(), series, reference)));
    box.addClassName("chart-box");
    content.add(box);
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
      key.addClassName(STYLES.get(i % STYLES.size()));
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
