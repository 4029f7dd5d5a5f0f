package app.tend.notifications.feed;

/**
 * What a person chooses e-mail for. Every notification is in their feed; each group is also
 * e-mailed or not, as they chose or by its default. Safety alerts are always e-mailed: a clinician
 * cannot turn them off.
 */
public enum NotificationGroup {
  REMINDERS("Your daily check-in reminder", false, true, false),
  PARTNER_CHECKED_IN("When your partner checked in", false, false, false),
  APPRECIATION("When your partner wrote you an appreciation", false, true, false),
  COMMITMENT_DUE("When a commitment to you is due", false, true, false),
  REPAIR_ACTIVITY("When your partner opens or moves on a repair", false, true, false),
  SAFETY_CONCERN("When a couple needs your attention at once", true, true, true),
  DAILY_DIGEST("Your morning digest of couples to look at", true, true, false),
  PARTNER_LEFT("When a partner leaves Tend", true, true, false);

  private final String description;
  private final boolean forStaff;
  private final boolean emailedByDefault;
  private final boolean alwaysEmailed;

  NotificationGroup(String description, boolean forStaff, boolean emailedByDefault, boolean alwaysEmailed) {
    this.description = description;
    this.forStaff = forStaff;
    this.emailedByDefault = emailedByDefault;
    this.alwaysEmailed = alwaysEmailed;
  }

  /** The choice as a person reads it in their settings and in an unsubscribe page. */
  public String description() {
    return description;
  }

  /** Whether clinic staff (rather than partners) receive this group. */
  public boolean forStaff() {
    return forStaff;
  }

  public boolean emailedByDefault() {
    return emailedByDefault;
  }

  /** Whether nobody may turn its e-mail off. */
  public boolean alwaysEmailed() {
    return alwaysEmailed;
  }
}
