package app.tend.notifications.digest;

/** Why a couple is in a clinician's digest, in the words the digest uses for a count of them. */
enum DigestReason {
  // In the order a clinician would look at them.
  REPAIR_BROUGHT_TO_SESSION("repair brought to session", "repairs brought to session"),
  MEASURE_BELOW_CUT_OFF("CSI-4 score below its cut-off", "CSI-4 scores below their cut-off"),
  TREND_DROPPED("sharper drop in a trend", "sharper drops in trends"),
  CHECKINS_MISSED("run of days without check-ins", "runs of days without check-ins");

  private final String one;
  private final String many;

  DigestReason(String one, String many) {
    this.one = one;
    this.many = many;
  }

  /** "1 repair brought to session", "2 repairs brought to session". */
  String count(long count) {
    return count + " " + (count == 1 ? one : many);
  }
}
