package app.tend.notifications.feed;

/**
 * What a notification is about, and the words a person reads. Nothing here may be derived from a
 * private answer or a safety flag: these texts reach the other partner's screen and inbox.
 */
public enum NotificationKind {
  PARTNER_CHECKED_IN("Your partner checked in today", "They took a minute for the two of you.", "/today"),
  APPRECIATION("Your partner wrote you an appreciation", "It is on your Today page once you have checked in.", "/today"),
  COMMITMENT_DUE("A commitment to you is due today", "Once your partner marks it, you can say whether you noticed.", "/commitments"),
  REPAIR_OPENED("Your partner opened a repair", "When you are ready, you can walk through it together, one step at a time.", "/repairs"),
  REPAIR_STEP("Your partner took a step in your repair", "See where it stands now.", "/repairs"),
  /**
   * To the couple's clinician, at once, when a partner raised "I don't feel safe". Says neither who
   * nor what, because it may be read over someone's shoulder or in a shared inbox.
   */
  SAFETY_CONCERN("A couple needs your attention", "Please look at your caseload in Tend as soon as you can.", "/caseload"),
  /** To the couple's clinician: that someone left, never why. */
  PARTNER_LEFT("A partner has left Tend", "One partner of a couple you work with closed their account. Their partner's own practice "
      + "continues.", "/caseload");

  private final String title;
  private final String body;
  private final String link;

  NotificationKind(String title, String body, String link) {
    this.title = title;
    this.body = body;
    this.link = link;
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
