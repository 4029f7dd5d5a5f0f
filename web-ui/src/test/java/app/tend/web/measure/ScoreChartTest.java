package app.tend.web.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreChartTest {

  private static final List<MeasureApi.Score> SCORES = List.of(
      new MeasureApi.Score(LocalDate.of(2026, 11, 16), 12, true),
      new MeasureApi.Score(LocalDate.of(2026, 11, 23), 14, false),
      new MeasureApi.Score(LocalDate.of(2026, 11, 30), 16, false));

  @Test
  void theChartCarriesItsWordsOnePointPerScoreAndTheCutOffLine() {
    String svg = ScoreChart.svg("CSI-4 <4 items>", "Your scores: 12, 14, 16.", SCORES, 0, 21, 13.5);
    assertThat(svg).contains("<title id=\"score-title\">CSI-4 &lt;4 items&gt;</title>").contains("<desc id=\"score-desc\">Your scores");
    assertThat(svg.split("<circle ", -1)).hasSize(4);
    assertThat(svg).contains("class=\"cut-off\"").contains("cut-off 13.5").contains("<path class=\"line\"");
  }

  @Test
  void aSingleScoreIsAPointWithoutALineAndNoCutOffMeansNoDashedLine() {
    String svg = ScoreChart.svg("A measure", "One score.", SCORES.subList(0, 1), 0, 21, null);
    assertThat(svg).doesNotContain("<path").doesNotContain("cut-off");
    assertThat(svg.split("<circle ", -1)).hasSize(2);
  }
}
