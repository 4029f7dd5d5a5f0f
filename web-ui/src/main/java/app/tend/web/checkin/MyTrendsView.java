package app.tend.web.checkin;

import app.tend.web.platform.api.ApiProblem;
import app.tend.web.platform.security.SignedIn;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * A partner's own practice over four weeks: how each act has been, how the last week compares
 * with the one before, and how many days they practised. No streaks and no scores to fail.
 */
@Route("trends")
@Menu(order = 50, title = "My trends", icon = "vaadin:chart-line")
@PageTitle("My trends · Tend")
@RolesAllowed(SignedIn.PARTNER)
public class MyTrendsView extends VerticalLayout {

  private final CheckinApi checkins;
  private final Paragraph consistency = new Paragraph();
  private final Div charts = new Div();

  MyTrendsView(CheckinApi checkins) {
    this.checkins = checkins;
    addClassName("trends");
    consistency.addClassName("consistency");
    charts.addClassName("charts");
    var reminder = new Paragraph("Trust is not about being perfect. These are for you: your partner does not see them.");
    reminder.addClassName("quiet");
    add(new H1("My trends"), reminder, consistency, charts);
  }

  @Override
  protected void onAttach(AttachEvent attachEvent) {
    SignedIn.current().ifPresent(person -> {
      try {
        show(checkins.trends(person));
      } catch (ApiProblem.Exception e) {
        consistency.setText(e.problem().detail());
      }
    });
  }

  private void show(CheckinApi.Trends trends) {
    consistency.setText(trends.daysPractised() == 0
        ? "Your first check-in starts your trends. Each day you practise adds to them."
        : "You checked in on " + trends.daysCheckedInLast14() + " of the last 14 days, and have practised on "
            + trends.daysPractised() + (trends.daysPractised() == 1 ? " day" : " days") + " in all.");
    charts.removeAll();
    for (var trend : trends.measures()) {
      boolean connected = "CONNECTED".equals(trend.measure());
      String name = connected ? "How connected I felt" : TrustAct.valueOf(trend.measure()).displayName();
      int min = connected ? 1 : 0;
      int max = connected ? 5 : 4;
      List<String> labels = IntStream.rangeClosed(min, max).mapToObj(v -> connected ? TrustAct.connected(v) : TrustAct.answer(v)).toList();
      String summary = summary(trend);
      var points = trend.days().stream().map(d -> new TrendChart.Point(d.day(), d.value())).toList();
      var chart = new Svg(TrendChart.svg(name, summary, points, min, max, labels));
      var text = new Paragraph(summary);
      text.addClassName("trend-summary");
      var section = new Section(new H2(name), text, chart);
      section.addClassName("trend");
      charts.add(section);
    }
  }

  /** The chart in words: the text alternative and the line a sighted reader sees first. */
  static String summary(CheckinApi.MeasureTrend trend) {
    if (trend.average28() == null) {
      return "No check-ins in the last four weeks yet.";
    }
    String week = trend.average7() == null ? "No check-ins this past week." : "This past week: " + format(trend.average7()) + " on average.";
    String month = " Four weeks: " + format(trend.average28()) + ".";
    String direction = switch (trend.direction()) {
      case "RISING" -> " Growing compared with the week before.";
      case "FALLING" -> " A harder week than the one before.";
      case "STEADY" -> " Steady compared with the week before.";
      default -> " Not enough days yet to compare weeks.";
    };
    return week + month + direction;
  }

  private static String format(double value) {
    return String.format(Locale.ENGLISH, "%.1f", value);
  }
}
