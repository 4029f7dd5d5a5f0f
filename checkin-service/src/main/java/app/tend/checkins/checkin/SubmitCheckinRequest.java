package app.tend.checkins.checkin;

import java.time.LocalDate;

/**
 * Today's check-in as the partner sends it.
 *
 * @param day the local day the partner's screen showed; when it is no longer today the check-in is
 *     refused rather than silently filed under another day. Optional.
 * @param followThrough "I did what I said I would do", 0–4
 * @param empathicListening "I listened with empathy, even when it was hard", 0–4
 * @param honesty "I was honest, even about small things", 0–4
 * @param mattering "I showed my partner that their needs and feelings matter", 0–4
 * @param connected how connected I felt, 1–5
 * @param appreciation optional words of appreciation for the partner, who will see them (at most 500 characters)
 * @param privateReflection optional words for the partner themself; nobody else sees them (at most 2,000 characters)
 */
public record SubmitCheckinRequest(
    LocalDate day, Integer followThrough, Integer empathicListening, Integer honesty, Integer mattering, Integer connected,
    String appreciation, String privateReflection) {

  CheckinAnswers answers() {
    return CheckinAnswers.of(followThrough, empathicListening, honesty, mattering, connected);
  }

  CheckinTexts texts() {
    return CheckinTexts.of(appreciation, privateReflection);
  }
}
