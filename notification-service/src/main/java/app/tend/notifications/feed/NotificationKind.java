package app.tend.notifications.feed;

/**
 * What a notification is about, and the words a person reads. Nothing here may be derived from a
 * private answer or a safety flag: these texts reach the other partner's screen and inbox.
 */
public enum NotificationKind {
  /** The partner's own daily reminder, at the time they chose. */
  CHECKIN_REMINDER(NotificationGroup.REMINDERS, "Time for today's check-in", "One minute for the two of you, whenever you are ready.", "/today"),
  /** Once three reminders went unanswered: weekly, and asking for nothing. */
  GENTLE_REMINDER(NotificationGroup.REMINDERS, "Tend is here when you want it", "No pressure. When you feel like it, today's check-in takes a minute.", "/today"),
  PARTNER_CHECKED_IN(NotificationGroup.PARTNER_CHECKED_IN, "Your partner checked in today", "They took a minute for the two of you.", "/today"),
  APPRECIATION(NotificationGroup.APPRECIATION, "Your partner wrote you an appreciation", "It is on your Today page once you have checked in.", "/today"),
  COMMITMENT_DUE(NotificationGroup.COMMITMENT_DUE, "A commitment to you is due today", "Once your partner marks it, you can say whether you noticed.", "/commitments"),
  REPAIR_OPENED(NotificationGroup.REPAIR_ACTIVITY, "Your partner opened a repair", "When you are ready, you can walk through it together, one step at a time.", "/repairs"),
  REPAIR_STEP(NotificationGroup.REPAIR_ACTIVITY, "Your partner took a step in your repair", "See where it stands now.", "/repairs"),
  /**
   * To the couple's clinician, at once, when a partner raised "I don't feel safe". Says neither who
   * nor what, because it may be read over someone's shoulder or in a shared inbox.
   */
  SAFETY_CONCERN(NotificationGroup.SAFETY_CONCERN, "A couple needs your attention", "Please look at your caseload in Tend as soon as you can.", "/caseload"),
  /**
   * To a clinician at their morning time: how many couples to look at and why, in counts only. Its
   * text is made for each digest; this one stands for it where no text was made.
   */
  DAILY_DIGEST(NotificationGroup.DAILY_DIGEST, "Your morning digest", "Some couples may need a look today. Your caseload shows which.",
      "/caseload"),
  /** To the couple's clinician: that someone left, never why. */
  PARTNER_LEFT(NotificationGroup.PARTNER_LEFT, "A partner has left Tend", "One partner of a couple you work with closed their account. Their partner's own practice "
      + "continues.", "/caseload");

  private final NotificationGroup group;
  private final String title;
  private final String body;
  private final String link;

  NotificationKind(NotificationGroup group, String title, String body, String link) {
    this.group = group;
    this.title = title;
    this.body = body;
    this.link = link;
  }

  /** What the recipient chooses e-mail for. */
  public NotificationGroup group() {
    return group;
  }

  public String title() {
    return title;
  }

  public String body() {
    return body;
  }

  /** Where in web-ui the notification leads. */
  public String link() {
    return link;
  }
}
