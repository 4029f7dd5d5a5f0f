package app.tend.notifications.digest;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The text of a morning digest: how many couples, and what happened, in counts. It names nobody and
 * quotes nothing, because it is also e-mailed.
 */
final class DigestText {

  private DigestText() {}

  static String of(long couples, Map<DigestReason, Long> counts) {
    String what = Stream.of(DigestReason.values())
        .filter(counts::containsKey)
        .map(reason -> reason.count(counts.get(reason)))
        .collect(Collectors.joining(", "));
    String who = couples == 1 ? "1 couple may need a look today" : couples + " couples may need a look today";
    return who + ". Since your last digest: " + what + ". Your caseload shows which.";
  }
}
