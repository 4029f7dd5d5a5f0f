package app.tend.web.clinic;

import app.tend.web.couple.CoupleChart;
import app.tend.web.platform.api.ApiProblem;
import app.tend.web.platform.security.SignedIn;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The clinic admin's outcomes: how the clinic's couples are doing, in counts, shares and means
 * only, for the clinic and for each clinician's caseload. Groups too small to stay anonymous show
 * their size and nothing else.
 */
@Route("outcomes")
@Menu(order = 320, title = "Outcomes", icon = "vaadin:chart")
@PageTitle("Outcomes · Tend")
@RolesAllowed(SignedIn.CLINIC_ADMIN)
public class OutcomesView extends VerticalLayout {

  private static final List<String> PERCENT = List.of("0%", "25%", "50%", "75%", "100%");
  private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMM", Locale.UK);

  private final ClinicApi clinic;

  OutcomesView(ClinicApi clinic) {
    this.clinic = clinic;
    addClassName("outcomes-page");
    setPadding(true);
  }

  @Override
  protected void onAttach(AttachEvent attachEvent) {
    SignedIn.current().ifPresent(person -> {
      removeAll();
      add(new H1("Outcomes"));
      var explain = new Paragraph("De-identified: no couple is named here, and a group of fewer than three couples shows only its size.");
      explain.addClassName("quiet");
      add(explain);
      try {
        Map<UUID, String> names = clinic.clinicians(person).stream()
            .collect(Collectors.toMap(ClinicApi.Clinician::id, ClinicApi.Clinician::name, (a, b) -> a));
        show(clinic.outcomes(person), names);
      } catch (ApiProblem.Exception e) {
        add(new Paragraph(e.problem().detail()));
      }
    });
  }

  private void show(ClinicApi.Outcomes outcomes, Map<UUID, String> names) {
    var figures = outcomes.clinic();
    if (figures.suppressed()) {
      add(new Paragraph("The clinic has " + couples(figures.couples()) + ": too few to show figures without pointing at a couple."));
      return;
    }
    var tiles = new Div(
        tile("Couples", Integer.toString(figures.couples()), "enrolled now"),
        tile("Active", Integer.toString(figures.activeCouples()), "checked in within 14 days"),
        tile("CSI-4 change", figures.csiChange() == null ? "–" : signed(figures.csiChange()),
            figures.csiChange() == null ? "no partner has two scores yet" : "first to latest, mean of " + partners(figures.partnersWithCsiChange())),
        tile("Below cut-off", figures.shareBelowCutOff() == null ? "–" : percent(figures.shareBelowCutOff()),
            figures.couplesMeasured() == 0 ? "no couple measured yet" : "of " + couples(figures.couplesMeasured()) + " measured"));
    tiles.addClassName("outcome-tiles");
    add(tiles);

    add(new H2("Check-in engagement, the last 12 weeks"));
    var points = new ArrayList<CoupleChart.Point>();
    var said = new ArrayList<String>();
    for (int i = 0; i < outcomes.weeks().size(); i++) {
      Double share = figures.engagement().get(i);
      if (share != null) {
        // Drawn on the chart's 0–4 scale, labelled as percentages.
        points.add(new CoupleChart.Point(outcomes.weeks().get(i), share * 4));
        said.add("week of " + WEEK.format(outcomes.weeks().get(i)) + " " + percent(share));
      }
    }
    var engagementHelp = new Paragraph("Check-ins out of the days partners could have checked in, from each partner's first check-in on.");
    engagementHelp.addClassName("quiet");
    var from = outcomes.weeks().getFirst();
    var to = outcomes.weeks().getLast().plusDays(6);
    var spec = new CoupleChart.Spec("Check-in engagement", "Check-in engagement by week: " + (said.isEmpty() ? "no check-ins yet"
        : String.join(", ", said)) + ".", from, to, 0, 4, PERCENT,
        List.of(new CoupleChart.Series("The clinic", "partner-a", points)), null, 7);
    var box = new Div(new Svg(CoupleChart.svg(spec)));
    box.addClassName("chart-box");
    add(engagementHelp, box);

    add(new H2("By clinician"));
    var byClinician = outcomes.byClinician();
    Function<ClinicApi.ClinicianFigures, String> name = c -> names.getOrDefault(c.clinicianId(), "A former clinician");
    add(bars("Engagement, last 4 weeks", 0, 1, byClinician, name, f -> lastWeeks(f.engagement(), 4), OutcomesView::percent));
    add(bars("Couples below the CSI-4 cut-off", 0, 1, byClinician, name, ClinicApi.Figures::shareBelowCutOff, OutcomesView::percent));
    add(bars("CSI-4 change, first to latest score", -6, 6, byClinician, name, ClinicApi.Figures::csiChange, OutcomesView::signed));
  }

  private static Div bars(String title, double min, double max, List<ClinicApi.ClinicianFigures> groups,
      Function<ClinicApi.ClinicianFigures, String> name, Function<ClinicApi.Figures, Double> value, Function<Double, String> words) {
    var bars = groups.stream().map(group -> {
      var figures = group.figures();
      String label = name.apply(group) + " (" + figures.couples() + ")";
      if (figures.suppressed()) {
        return new BarChart.Bar(label, null, "fewer than 3 couples");
      }
      Double figure = value.apply(figures);
      return new BarChart.Bar(label, figure, figure == null ? "no figure yet" : words.apply(figure));
    }).toList();
    var box = new Div(new com.vaadin.flow.component.html.H3(title), new Svg(BarChart.svg(title, min, max, bars)));
    box.addClassName("chart-box");
    return box;
  }

  /** The mean of the last {@code weeks} weeks that have a figure; null when none has. */
  private static Double lastWeeks(List<Double> engagement, int weeks) {
    if (engagement == null) {
      return null;
    }
    var mean = engagement.subList(Math.max(0, engagement.size() - weeks), engagement.size()).stream()
        .filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).average();
    return mean.isPresent() ? mean.getAsDouble() : null;
  }

  private static Div tile(String title, String figure, String help) {
    var big = new Span(figure);
    big.addClassName("figure");
    var small = new Span(help);
    small.addClassName("quiet");
    var tile = new Div(new Span(title), big, small);
    tile.addClassName("outcome-tile");
    return tile;
  }

  private static String percent(double share) {
    return Math.round(share * 100) + "%";
  }

  private static String signed(double change) {
    return String.format(Locale.UK, "%+.1f", change);
  }

  private static String couples(int n) {
    return n + (n == 1 ? " couple" : " couples");
  }

  private static String partners(int n) {
    return n + (n == 1 ? " partner" : " partners");
  }
}
