package app.tend.web.settings;

import app.tend.web.platform.api.Gateway;
import app.tend.web.platform.security.SignedIn;
import java.time.Instant;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** accounts-service's settings and consent of the signed-in partner. */
@Component
class SettingsApi {

  /** The kinds of notification a partner can turn off (contracts' NotificationType), in the words of the settings page. */
  static final Map<String, String> NOTIFICATION_KINDS = new LinkedHashMap<>();

  static {
    NOTIFICATION_KINDS.put("PARTNER_CHECKED_IN", "my partner has checked in");
    NOTIFICATION_KINDS.put("APPRECIATION", "my partner writes me an appreciation");
    NOTIFICATION_KINDS.put("COMMITMENT_DUE", "a commitment to me is due");
    NOTIFICATION_KINDS.put("REPAIR_ACTIVITY", "my partner opens a repair or takes a step in it");
  }

  private final Gateway gateway;

  SettingsApi(Gateway gateway) {
    this.gateway = gateway;
  }

  record Settings(String firstName, String lastName, String email, String timeZone, LocalTime reminderTime, LocalTime quietHoursStart,
                  LocalTime quietHoursEnd, Set<String> mutedNotifications, boolean reflectionsVisibleToClinician, String consentVersion,
                  Instant consentedAt) {}

  record Change(String firstName, String lastName, String timeZone, LocalTime reminderTime, LocalTime quietHoursStart,
                LocalTime quietHoursEnd, Set<String> mutedNotifications) {}

  Settings read(SignedIn person) {
    return gateway.call(person, rest -> rest.get().uri("/api/accounts/me/settings").retrieve().body(Settings.class));
  }

  Settings change(SignedIn person, Change change) {
    return gateway.call(person, rest -> rest.put().uri("/api/accounts/me/settings").body(change).retrieve().body(Settings.class));
  }

  Settings changeConsent(SignedIn person, boolean reflectionsVisibleToClinician) {
    return gateway.call(person, rest -> rest.put().uri("/api/accounts/me/consent")
        .body(Map.of("reflectionsVisibleToClinician", reflectionsVisibleToClinician)).retrieve().body(Settings.class));
  }
}
