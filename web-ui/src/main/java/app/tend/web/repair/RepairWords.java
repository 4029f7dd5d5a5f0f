package app.tend.web.repair;

import java.util.Map;

/** How repairs read on the partner's pages. */
final class RepairWords {

  private RepairWords() {}

  static final Map<String, String> CATEGORIES = Map.of(
      "LIE_OR_CONCEALMENT", "A lie or something kept hidden",
      "BROKEN_PROMISE", "A broken promise",
      "HURTFUL_WORDS", "Hurtful words",
      "OTHER", "Something else");

  static final Map<Integer, String> SERIOUSNESS = Map.of(1, "A little", 2, "Somewhat", 3, "Quite", 4, "Very", 5, "Deeply");

  static String category(String key) {
    return CATEGORIES.getOrDefault(key, key);
  }

  /** A step of the timeline, told from the reader's side. */
  static String step(RepairApi.Step step) {
    String who = step.byMe() ? "You" : "Your partner";
    return switch (step.kind()) {
      case "OPENED" -> who + " opened this repair";
      case "IMPACT_DESCRIBED" -> who + (step.byMe() ? " described how it affected you" : " described how it affected them");
      case "ACKNOWLEDGED" -> who + " acknowledged it and took responsibility";
      case "ACTIONS_PROPOSED" -> who + " proposed repair actions";
      case "CHANGES_ASKED" -> who + " asked for a change to the actions";
      case "ACTIONS_AGREED" -> who + " agreed to the actions: they are commitments now";
      case "FEELS_REPAIRED" -> who + " said it feels repaired";
      case "BROUGHT_TO_SESSION" -> who + " asked to bring it to your next session";
      default -> who + " took a step";
    };
  }
}
