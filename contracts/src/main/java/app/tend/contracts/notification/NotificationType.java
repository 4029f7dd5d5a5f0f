package app.tend.contracts.notification;

/**
 * The kinds of notification a partner can turn off. Accounts-service stores each partner's choice;
 * notification-service honours it. Safety alerts to clinicians are not here: nobody can mute them.
 */
public enum NotificationType {
  /** "Your partner checked in today". */
  PARTNER_CHECKED_IN
}
