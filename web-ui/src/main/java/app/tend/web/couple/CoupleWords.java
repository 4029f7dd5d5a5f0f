package app.tend.web.couple;

import app.tend.web.commitment.CommitmentApi;
import app.tend.web.repair.RepairWords;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** How a couple's commitments and repairs read to their clinician, on the page and in the session-prep summary. */
final class CoupleWords {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);

  private CoupleWords() {}

  /** How one commitment went over its four weeks, and how the partner it was made to saw it. */
  static String occurrences(List<CommitmentApi.Occurrence> occurrences, String other) {
    long kept = occurrences.stream().filter(o -> Boolean.TRUE.equals(o.kept())).count();
    long notKept = occurrences.stream().filter(o -> Boolean.FALSE.equals(o.kept())).count();
    long noticed = occurrences.stream().filter(o -> Boolean.TRUE.equals(o.noticed())).count();
    long differently = occurrences.stream().filter(o -> Boolean.FALSE.equals(o.noticed())).count();
    if (kept + notKept == 0) {
      return occurrences.isEmpty() ? "Not due yet." : "Due " + occurrences.size() + (occurrences.size() == 1 ? " time" : " times")
          + ", not marked yet.";
    }
    var latest = occurrences.stream().filter(o -> o.kept() != null).findFirst().orElseThrow();
    String answers = noticed + differently == 0 ? "" : " " + other + " noticed " + noticed + (differently > 0
        ? ", saw " + differently + " differently" : "") + ".";
    return "Kept " + kept + ", not kept " + notKept + "; latest " + DAY.format(latest.dueDate()) + " "
        + (latest.kept() ? "kept" : "not kept") + "." + answers;
  }

  /** A partner's follow-through over four weeks, in words. */
  static String followThrough(CommitmentApi.FollowThrough followThrough) {
    if (followThrough.rate() == null) {
      return "Nothing marked in the last four weeks" + (followThrough.unmarked() > 0 ? " (" + followThrough.unmarked() + (followThrough.unmarked() == 1 ? " day" : " days") + " not marked)." : ".");
    }
    return "Follow-through " + Math.round(followThrough.rate() * 100) + "% over four weeks: " + followThrough.kept() + " kept, "
        + followThrough.notKept() + " not kept" + (followThrough.unmarked() > 0 ? ", " + followThrough.unmarked() + " not marked" : "") + ".";
  }

  static String repairHeading(CoupleDetailApi.Repair repair, Map<UUID, String> names) {
    String hurt = names.getOrDefault(repair.hurtPartnerId(), "A partner");
    String where = switch (repair.state()) {
      case "IMPACT" -> "waiting for " + hurt + " to say how it affected them";
      case "ACKNOWLEDGEMENT" -> "waiting for " + names.getOrDefault(repair.responsiblePartnerId(), "their partner") + " to acknowledge it";
      case "ACTIONS" -> "waiting for repair actions";
      case "AGREEMENT" -> "waiting for " + hurt + " to agree to the actions";
      case "CLOSING" -> "actions agreed; not yet repaired for both";
      case "CLOSED" -> "repaired for both";
      default -> repair.state().toLowerCase(Locale.ROOT);
    };
    return RepairWords.category(repair.category()) + " · " + RepairWords.SERIOUSNESS.getOrDefault(repair.seriousness(), "")
        .toLowerCase(Locale.UK) + " serious for " + hurt + " · " + where + (repair.broughtToSessionAt() != null ? " · brought to session" : "");
  }

  static String step(CoupleDetailApi.RepairStep step, Map<UUID, String> names) {
    return RepairWords.step(step.kind(), names.getOrDefault(step.partnerId(), "A partner"), false);
  }
}
