package app.tend.web.repair;

import java.util.Map;

/** How repairs read: on the partners' pages, and on their clinician's couple page. */
public final class RepairWords {

  private RepairWords() {}

  static final Map<String, String> CATEGORIES = Map.of(
      "LIE_OR_CONCEALMENT", "A lie or something kept hidden",
      "BROKEN_PROMISE", "A broken promise",
      "HURTFUL_WORDS", "Hurtful words",
      "OTHER", "Something else");

  public static final Map<Integer, String> SERIOUSNESS = Map.of(1, "A little", 2, "Somewhat", 3, "Quite", 4, "Very", 5, "Deeply");

  public static String category(String key) {
    return CATEGORIES.getOrDefault(key, key);
  }

  /** A step of the timeline, told from the reader's side. */
  static String step(RepairApi.Step step) {
    return step(step.kind(), step.byMe() ? "You" : "Your partner", step.byMe());
  }

  /**
   * A step of the timeline taken by {@code who}: "You", "Your partner", or a partner's name on the
   * clinician's page ({@code byReader} false).
   */
  public static String step(String kind, String who, boolean byReader) {
    return switch (kind) {
      case "OPENED" -> who + " opened this repair";
      case "IMPACT_DESCRIBED" -> who + (byReader ? " described how it affected you" : " described how it affected them");
      case "ACKNOWLEDGED" -> who + " acknowledged it and took responsibility";
      case "ACTIONS_PROPOSED" -> who + " proposed repair actions";
      case "CHANGES_ASKED" -> who + " asked for a change to the actions";
      case "ACTIONS_AGREED" -> who + " agreed to the actions: they are commitments now";
      case "FEELS_REPAIRED" -> who + " said it feels repaired";
      case "BROUGHT_TO_SESSION" -> who + " asked to bring it to " + (byReader ? "your" : "the") + " next session";
      default -> who + " took a step";
    };
  }
}
