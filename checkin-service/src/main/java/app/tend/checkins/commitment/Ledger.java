package app.tend.checkins.commitment;

import app.tend.checkins.commitment.CommitmentView.Occurrence;
import app.tend.checkins.commitment.CommitmentsView.FollowThrough;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The rules of follow-through, as plain functions: which days a commitment fell due, which of them
 * may still be marked or answered, and what the last four weeks add up to.
 */
final class Ledger {

  /** How far back the page looks, and over what follow-through is counted. */
  static final int WINDOW_DAYS = 28;

  /** An occurrence can be marked or answered from its day until this many days after. */
  static final int OPEN_FOR_DAYS = 7;

  private Ledger() {}

  /** What was recorded of one occurrence. */
  record Recorded(Boolean kept, Boolean noticed) {}

  /**
   * The occurrences of the last four weeks up to {@code today} (the author's), newest first: every
   * day it fell due while it was active, and any day something was recorded.
   */
  static List<Occurrence> occurrences(
      CommitmentSchedule schedule, LocalDate startsOn, boolean withdrawn, Map<LocalDate, Recorded> recorded, LocalDate today) {
    var list = new ArrayList<Occurrence>();
    for (LocalDate day = today; !day.isBefore(today.minusDays(WINDOW_DAYS - 1L)); day = day.minusDays(1)) {
      Recorded at = recorded.get(day);
      boolean due = !withdrawn && schedule.isDueOn(day, startsOn);
      if (!due && at == null) {
        continue;
      }
      Boolean kept = at == null ? null : at.kept();
      Boolean noticed = at == null ? null : at.noticed();
      boolean open = isOpen(day, today);
      list.add(new Occurrence(day, kept, noticed, open && noticed == null, open && kept != null));
    }
    return list;
  }

  /** Whether an occurrence on {@code day} can still be marked or answered on {@code today}. */
  static boolean isOpen(LocalDate day, LocalDate today) {
    return !day.isAfter(today) && !day.isBefore(today.minusDays(OPEN_FOR_DAYS));
  }

  /**
   * Follow-through over the occurrences given: kept out of marked. Today's unmarked occurrence is
   * not counted as unmarked yet: the day is not over.
   */
  static FollowThrough followThrough(Collection<Occurrence> occurrences, LocalDate today) {
    int kept = 0;
    int notKept = 0;
    int unmarked = 0;
    for (Occurrence occurrence : occurrences) {
      if (Boolean.TRUE.equals(occurrence.kept())) {
        kept++;
      } else if (Boolean.FALSE.equals(occurrence.kept())) {
        notKept++;
      } else if (occurrence.dueDate().isBefore(today)) {
        unmarked++;
      }
    }
    return new FollowThrough(kept, notKept, unmarked, kept + notKept == 0 ? null : (double) kept / (kept + notKept));
  }
}
