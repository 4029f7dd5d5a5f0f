package app.tend.web.checkin;

/** The four everyday acts that build trust, in the words Tend's people know them by. */
public enum TrustAct {
  FOLLOW_THROUGH("Follow-through", "I did what I said I would do."),
  EMPATHIC_LISTENING("Empathic listening", "I listened with empathy, even when it was hard."),
  HONESTY("Honesty", "I was honest, even about small things."),
  MATTERING("Mattering", "I showed my partner that their needs and feelings matter.");

  private final String name;
  private final String wording;

  TrustAct(String name, String wording) {
    this.name = name;
    this.wording = wording;
  }

  public String displayName() {
    return name;
  }

  String wording() {
    return wording;
  }

  /** Words for the 0–4 answers: how much of the act the past day held, never a grade. */
  public static String answer(int value) {
    return switch (value) {
      case 0 -> "Not today";
      case 1 -> "A little";
      case 2 -> "Partly";
      case 3 -> "Mostly";
      case 4 -> "Fully";
      default -> throw new IllegalArgumentException("no answer " + value);
    };
  }

  /** Words for how connected the partner felt, 1–5. */
  public static String connected(int value) {
    return switch (value) {
      case 1 -> "Far apart";
      case 2 -> "A bit distant";
      case 3 -> "In between";
      case 4 -> "Close";
      case 5 -> "Very close";
      default -> throw new IllegalArgumentException("no answer " + value);
    };
  }
}
