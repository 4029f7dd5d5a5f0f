package app.tend.checkins.commitment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A commitment as either partner of the couple sees it.
 *
 * @param id the commitment
 * @param byMe whether the caller made it (else it was made to them)
 * @param words what was committed to
 * @param schedule when it falls due, in the author's local time
 * @param createdAt when it was made
 * @param withdrawn whether the author withdrew it
 * @param changeable whether the author may still change it: only until an occurrence was marked
 * @param nextDue the author's next local day it falls due on; null when it will not again
 * @param occurrences the occurrences of the last four weeks up to the author's today, newest first
 */
public record CommitmentView(
    UUID id, boolean byMe, String words, CommitmentSchedule schedule, Instant createdAt, boolean withdrawn, boolean changeable,
    LocalDate nextDue, List<Occurrence> occurrences) {

  /**
   * One day the commitment fell due.
   *
   * @param dueDate the author's local day
   * @param kept true or false once the author marked it; null until then
   * @param noticed the other partner's answer once given: true "I noticed", false "I see it differently"
   * @param markable whether the author can mark it now
   * @param answerable whether the other partner can answer it now
   */
  public record Occurrence(LocalDate dueDate, Boolean kept, Boolean noticed, boolean markable, boolean answerable) {}
}
