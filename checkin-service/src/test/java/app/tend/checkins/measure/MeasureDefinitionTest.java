package app.tend.checkins.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.tend.checkins.measure.MeasureDefinition.CutOff;
import app.tend.checkins.measure.MeasureDefinition.Item;
import app.tend.checkins.measure.MeasureDefinition.Option;
import app.tend.checkins.measure.MeasureDefinition.Scoring;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeasureDefinitionTest {

  private final MeasureDefinition csi4 = new MeasureDefinitions("").defaultMeasure();

  MeasureDefinitionTest() throws Exception {}

  @Test
  void theCsi4IsLoadedAsPublished() {
    assertThat(csi4.id()).isEqualTo("csi-4");
    assertThat(csi4.items()).extracting(Item::linkId).containsExactly("1", "2", "3", "4");
    assertThat(csi4.items().get(0).options()).hasSize(7);
    assertThat(csi4.items().get(0).options().getLast()).isEqualTo(new Option(6, "Perfect"));
    assertThat(csi4.items().get(1).options().getLast()).isEqualTo(new Option(5, "Completely true"));
    assertThat(csi4.scoring()).isEqualTo(new Scoring("SUM", 0, 21));
    assertThat(csi4.cutOff().below()).isEqualTo(13.5);
  }

  @Test
  void itScoresTheSumAndFlagsScoresBelowTheCutOff() {
    assertThat(csi4.score(Map.of("1", 6, "2", 5, "3", 5, "4", 5)).scored()).isEqualTo(new MeasureDefinition.Scored(21, false));
    assertThat(csi4.score(Map.of("1", 3, "2", 4, "3", 3, "4", 4)).scored()).isEqualTo(new MeasureDefinition.Scored(14, false));
    assertThat(csi4.score(Map.of("1", 3, "2", 3, "3", 3, "4", 4)).scored()).isEqualTo(new MeasureDefinition.Scored(13, true));
    assertThat(csi4.score(Map.of("1", 0, "2", 0, "3", 0, "4", 0)).scored()).isEqualTo(new MeasureDefinition.Scored(0, true));
  }

  @Test
  void incompleteOrImpossibleAnswersAreRefusedInWords() {
    assertThat(csi4.score(Map.of("1", 3, "2", 6, "5", 1)).problems())
        .containsExactly("question 2 has no answer 6", "please answer question 3", "please answer question 4", "there is no question 5");
    assertThat(csi4.score(null).problems()).hasSize(4);
  }

  @Test
  void aBrokenDefinitionIsRefusedWhenLoaded() {
    var item = new Item("1", "How is it?", List.of(new Option(0, "Bad"), new Option(1, "Good")));
    var fine = new MeasureDefinition("mine", "1", "Mine", "", "", List.of(item), new Scoring("SUM", 0, 1), new CutOff(0.5, "low"));
    assertThat(fine.problems()).isEmpty();

    var wrongRange = new MeasureDefinition("mine", "1", "Mine", "", "", List.of(item), new Scoring("SUM", 0, 4), null);
    assertThat(wrongRange.problems()).containsExactly("scoring range 0.0–4.0 does not match the items' 0.0–1.0");
    var twice = new MeasureDefinition("Mine!", "1", "Mine", "", "", List.of(item, item), new Scoring("MEAN", 0, 2), new CutOff(9, ""));
    assertThat(twice.problems()).contains("id must be lower-case letters, digits and dashes", "item 1: every item needs a linkId of its own",
        "scoring method must be SUM", "the cut-off must lie inside the scoring range and say what it means");
    var sameValue = new Item("1", "?", List.of(new Option(0, "A"), new Option(0, "B")));
    assertThat(new MeasureDefinition("m", "1", "M", "", "", List.of(sameValue), new Scoring("SUM", 0, 0), null).problems())
        .contains("item 1: every option needs its own value and a label");

    assertThatThrownBy(() -> new MeasureDefinitions("").add(wrongRange, "a test"))
        .hasMessageContaining("measure definition in a test is not valid");
    assertThatThrownBy(() -> new MeasureDefinitions("").add(csi4, "a copy")).hasMessageContaining("defined twice");
  }
}
