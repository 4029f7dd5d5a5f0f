package app.tend.contracts.notification;

/**
 * The kinds of notification a partner can turn off. Accounts-service stores each partner's choice;
 * notification-service honours it. Safety alerts to clinicians are not here: nobody can mute them.
 */
public enum NotificationType {
  /** "Your partner checked in today". */
  PARTNER_CHECKED_IN,
  /** "Your partner wrote you an appreciation". */
  APPRECIATION,
  /** "A commitment to you is due today". */
  COMMITMENT_DUE,
  /** "Your partner opened a repair" and "… took a step in your repair". */
  REPAIR_ACTIVITY
}
