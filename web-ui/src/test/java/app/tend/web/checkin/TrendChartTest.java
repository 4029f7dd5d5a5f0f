package app.tend.web.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendChartTest {

  private static final List<String> WORDS = List.of("Not today", "A little", "Partly", "Mostly", "Fully");

  private static List<TrendChart.Point> days(Integer... values) {
    List<TrendChart.Point> points = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      points.add(new TrendChart.Point(LocalDate.of(2026, 11, 1).plusDays(i), values[i]));
    }
    return points;
  }

  @Test
  void aMissedDayBreaksTheLineInsteadOfDroppingToZero() {
    String svg = TrendChart.svg("Honesty", "words", days(3, 4, null, 2, 2), 0, 4, WORDS);
    assertThat(svg).containsOnlyOnce("<path");
    String path = svg.substring(svg.indexOf(" d=\"") + 4, svg.indexOf("\"/>", svg.indexOf(" d=\"")));
    assertThat(path.chars().filter(c -> c == 'M')).hasSize(2); // two runs: days 1–2 and days 4–5
    assertThat(svg.split("<circle", -1)).hasSize(5); // four answered days, four points
  }

  @Test
  void theChartCarriesItsTitleDescriptionAndWordsOnTheAxis() {
    String svg = TrendChart.svg("Follow-through", "This past week: 3.0 on average.", days(3, 3), 0, 4, WORDS);
    assertThat(svg).contains("role=\"img\"").contains("<title id=\"follow-through-title\">Follow-through, last 28 days</title>")
        .contains("<desc id=\"follow-through-desc\">This past week: 3.0 on average.</desc>")
        .contains(">Not today<").contains(">Fully<").contains(">1 Nov<");
  }

  @Test
  void textIsEscapedSoNothingBreaksOutOfTheSvg() {
    String svg = TrendChart.svg("A <b>", "x & \"y\"", days(1), 0, 4, WORDS);
    assertThat(svg).contains("A &lt;b&gt;").contains("x &amp; &quot;y&quot;").doesNotContain("<b>");
  }

  @Test
  void aSummarySaysInWordsWhatTheChartShows() {
    var trend = new CheckinApi.MeasureTrend("HONESTY", 3.25, 2.5, "FALLING", List.of());
    assertThat(MyTrendsView.summary(trend)).isEqualTo("This past week: 3.3 on average. Four weeks: 2.5. A harder week than the one before.");
    assertThat(MyTrendsView.summary(new CheckinApi.MeasureTrend("HONESTY", null, null, "NOT_ENOUGH_DAYS", List.of())))
        .isEqualTo("No check-ins in the last four weeks yet.");
  }
}
