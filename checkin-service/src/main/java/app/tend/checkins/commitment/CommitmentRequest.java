package app.tend.checkins.commitment;

/**
 * A commitment as a partner makes or changes it.
 *
 * @param words what they will do, 1–200 characters, read after "I will": e.g. "call if I'm running late"
 * @param schedule when it falls due, in the author's local time
 */
public record CommitmentRequest(String words, CommitmentSchedule schedule) {

  static final int MAX_WORDS = 200;
}
