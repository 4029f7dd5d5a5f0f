package app.tend.contracts;

/** Topic names, {@code <service>.<aggregate>.v1}; dead letters go to {@code <topic>.dlt}. */
public final class Topics {

  /** Couples and their partners, owned by accounts-service, keyed by couple id. */
  public static final String ACCOUNTS_COUPLE = "accounts.couple.v1";

  /** Clinics, their clinicians and settings, owned by accounts-service, keyed by clinic id. */
  public static final String ACCOUNTS_CLINIC = "accounts.clinic.v1";

  /** Daily check-ins, owned by checkin-service, keyed by couple id. */
  public static final String CHECKIN_CHECKIN = "checkin.checkin.v1";

  /**
   * Safety concerns a partner raised, owned by checkin-service, keyed by couple id. A topic of its
   * own, so that only consumers that serve clinic staff subscribe to it.
   */
  public static final String CHECKIN_SAFETY = "checkin.safety.v1";

  /** Commitments between partners and their follow-through, owned by checkin-service, keyed by couple id. */
  public static final String CHECKIN_COMMITMENT = "checkin.commitment.v1";

  /** Repairs after a breach and their steps, owned by checkin-service, keyed by couple id. */
  public static final String CHECKIN_REPAIR = "checkin.repair.v1";

  /** Completed relationship measures, owned by checkin-service, keyed by couple id. */
  public static final String CHECKIN_MEASURE = "checkin.measure.v1";

  private Topics() {}

  /** The dead-letter topic of {@code topic}. */
  public static String deadLetter(String topic) {
    return topic + ".dlt";
  }
}
