package app.tend.web.couple;

import static org.assertj.core.api.Assertions.assertThat;

import app.tend.web.couple.CoupleChart.Point;
import app.tend.web.couple.CoupleChart.Reference;
import app.tend.web.couple.CoupleChart.Series;
import app.tend.web.couple.CoupleChart.Spec;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoupleChartTest {

  static final LocalDate FROM = LocalDate.of(2026, 11, 3);
  static final LocalDate TO = LocalDate.of(2026, 11, 30);

  @Test
  void bothPartnersAreDrawnInTheirOwnStyleWithGapsForMissedDaysAndATextAlternative() {
    var alex = new Series("Alex", "partner-a", List.of(new Point(FROM, 2), new Point(FROM.plusDays(1), 3), new Point(FROM.plusDays(3), 4)));
    var jordan = new Series("Jordan", "partner-b", List.of(new Point(FROM.plusDays(2), 1)));
    String svg = CoupleChart.svg(new Spec("Honesty", "Honesty, both partners. Alex: 3 check-ins.", FROM, TO, 0, 4,
        List.of("Not today", "A little", "Partly", "Mostly", "Fully"), List.of(alex, jordan), null));

    assertThat(svg).startsWith("<svg").contains("role=\"img\"").contains("<title id=\"chart-honesty-title\">Honesty</title>")
        .contains("<desc id=\"chart-honesty-desc\">Honesty, both partners. Alex: 3 check-ins.</desc>")
        .contains("<g class=\"series partner-a\">").contains("<g class=\"series partner-b\">").contains(">Mostly</text>");
    // Alex's line is broken where the 3rd day is missing: two moves, one joined step.
    String alexPath = svg.substring(svg.indexOf("partner-a"), svg.indexOf("</g>"));
    assertThat(alexPath.split(" M", -1)).hasSize(2);
    assertThat(alexPath).contains(" L");
    assertThat(svg.split("<circle", -1)).hasSize(5);
  }

  @Test
  void aReferenceLineIsLabelledAndEscaped() {
    String svg = CoupleChart.svg(new Spec("CSI-4 <score>", "Scores & cut-off", FROM, TO, 0, 21, List.of(), List.of(),
        new Reference(13.5, "cut-off 13.5")));
    assertThat(svg).contains("class=\"reference\"").contains(">cut-off 13.5</text>").contains("CSI-4 &lt;score&gt;")
        .contains("Scores &amp; cut-off").doesNotContain("<score>")
        .contains(">0</text>").contains(">7</text>").contains(">14</text>").contains(">21</text>");
  }

  @Test
  void weeklyValuesAreJoinedAWeekApartAndAMissingWeekLeavesAGap() {
    var clinic = new Series("The clinic", "partner-a", List.of(new Point(FROM, 2), new Point(FROM.plusDays(7), 3), new Point(FROM.plusDays(21), 1)));
    String svg = CoupleChart.svg(new Spec("Engagement", "Weekly", FROM, TO, 0, 4, List.of("0%", "25%", "50%", "75%", "100%"),
        List.of(clinic), null, 7));
    String path = svg.substring(svg.indexOf("<path"), svg.indexOf("/>", svg.indexOf("<path")));
    assertThat(path.split(" M", -1)).hasSize(2);
    assertThat(path.split(" L", -1)).hasSize(2);
  }
}
