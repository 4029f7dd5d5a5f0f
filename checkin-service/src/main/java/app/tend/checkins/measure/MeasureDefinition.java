package app.tend.checkins.measure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A validated questionnaire, defined as data: its items with their answer options, how answers
 * are scored, and the cut-off below which a score means something a clinician should see. A clinic
 * adds an instrument by adding a definition, not code.
 *
 * @param id stable name, e.g. {@code csi-4}
 * @param version of the definition; responses keep the version they answered
 * @param title as partners and clinicians read it
 * @param intro a sentence shown before the items
 * @param citation the published source and its licence
 * @param items the questions, in order
 * @param scoring how answers add up to a score
 * @param cutOff the threshold that matters clinically; null when the instrument has none
 */
public record MeasureDefinition(
    String id, String version, String title, String intro, String citation, List<Item> items, Scoring scoring, CutOff cutOff) {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

  /**
   * @param linkId the item's id within the definition (FHIR's linkId)
   * @param text the question
   * @param options the answers to choose from
   */
  public record Item(String linkId, String text, List<Option> options) {}

  /** One answer: the value that is scored and the words a partner reads. */
  public record Option(int value, String label) {}

  /**
   * @param method how item values combine; {@code SUM} is the one there is
   * @param min the lowest possible score
   * @param max the highest possible score
   */
  public record Scoring(String method, double min, double max) {}

  /**
   * @param below scores strictly below this are flagged
   * @param meaning what a score below it indicates, in words
   */
  public record CutOff(double below, String meaning) {}

  /** What is wrong with this definition; empty when it can be used. */
  public List<String> problems() {
    var problems = new ArrayList<String>();
    if (id == null || !ID.matcher(id).matches()) {
      problems.add("id must be lower-case letters, digits and dashes");
    }
    if (blank(version) || blank(title)) {
      problems.add("version and title are required");
    }
    if (items == null || items.isEmpty()) {
      problems.add("at least one item is required");
      return problems;
    }
    var linkIds = new HashSet<String>();
    double lowest = 0;
    double highest = 0;
    for (Item item : items) {
      String name = "item " + (item == null ? "?" : item.linkId());
      if (item == null || blank(item.linkId()) || !linkIds.add(item.linkId())) {
        problems.add(name + ": every item needs a linkId of its own");
        continue;
      }
      if (blank(item.text())) {
        problems.add(name + ": the question is missing");
      }
      if (item.options() == null || item.options().size() < 2) {
        problems.add(name + ": at least two options are required");
        continue;
      }
      var values = new HashSet<Integer>();
      for (Option option : item.options()) {
        if (option == null || blank(option.label()) || !values.add(option.value())) {
          problems.add(name + ": every option needs its own value and a label");
        }
      }
      lowest += values.stream().mapToInt(Integer::intValue).min().orElse(0);
      highest += values.stream().mapToInt(Integer::intValue).max().orElse(0);
    }
    if (scoring == null || !"SUM".equals(scoring.method())) {
      problems.add("scoring method must be SUM");
    } else if (scoring.min() != lowest || scoring.max() != highest) {
      problems.add("scoring range " + scoring.min() + "–" + scoring.max() + " does not match the items' " + lowest + "–" + highest);
    }
    if (cutOff != null && (scoring == null || cutOff.below() <= scoring.min() || cutOff.below() > scoring.max() || blank(cutOff.meaning()))) {
      problems.add("the cut-off must lie inside the scoring range and say what it means");
    }
    return problems;
  }

  /** A scored response. */
  public record Scored(double score, boolean belowCutOff) {}

  /**
   * Scores a complete response.
   *
   * @return the score, or the problems with the answers in words (an answer missing, extra, or not one of the options)
   */
  public Result score(Map<String, Integer> answers) {
    var problems = new ArrayList<String>();
    double sum = 0;
    for (Item item : items) {
      Integer value = answers == null ? null : answers.get(item.linkId());
      if (value == null) {
        problems.add("please answer question " + item.linkId());
      } else if (item.options().stream().noneMatch(option -> option.value() == value)) {
        problems.add("question " + item.linkId() + " has no answer " + value);
      } else {
        sum += value;
      }
    }
    if (answers != null) {
      answers.keySet().stream().filter(linkId -> items.stream().noneMatch(item -> item.linkId().equals(linkId)))
          .forEach(linkId -> problems.add("there is no question " + linkId));
    }
    return problems.isEmpty() ? new Result(new Scored(sum, cutOff != null && sum < cutOff.below()), List.of())
        : new Result(null, problems);
  }

  /** Either a score or what is wrong with the answers. */
  public record Result(Scored scored, List<String> problems) {}

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
