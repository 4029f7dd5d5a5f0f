package app.tend.checkins.checkin;

import app.tend.platform.web.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;

/**
 * The optional words of a check-in: an appreciation for the partner (shared with them) and a
 * private reflection (for the author alone). Blank means none.
 */
public record CheckinTexts(String appreciation, String privateReflection) {

  public static final int APPRECIATION_MAX = 500;
  public static final int REFLECTION_MAX = 2000;

  /** Trims both texts, turns blank into none, and refuses what is too long or not text. */
  public static CheckinTexts of(String appreciation, String privateReflection) {
    List<String> problems = new ArrayList<>();
    String shared = clean(appreciation, "appreciation", APPRECIATION_MAX, problems);
    String privateText = clean(privateReflection, "privateReflection", REFLECTION_MAX, problems);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException("Please check: " + String.join("; ", problems) + ".");
    }
    return new CheckinTexts(shared, privateText);
  }

  private static String clean(String text, String name, int max, List<String> problems) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String trimmed = text.strip();
    if (trimmed.codePointCount(0, trimmed.length()) > max) {
      problems.add(name + " can be at most " + max + " characters");
    }
    // Line breaks and tabs are writing; other control characters are not.
    if (trimmed.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
      problems.add(name + " contains characters that are not text");
    }
    return trimmed;
  }
}
