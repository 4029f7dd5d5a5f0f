package app.tend.web.clinic;

import app.tend.web.platform.api.Gateway;
import app.tend.web.platform.security.SignedIn;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** accounts-service's clinicians and clinic settings, as the clinic admin's pages use them. */
@Component
class ClinicApi {

  private final Gateway gateway;

  ClinicApi(Gateway gateway) {
    this.gateway = gateway;
  }

  record Clinician(UUID id, String email, String firstName, String lastName, boolean active) {
    String name() {
      return firstName + " " + lastName;
    }
  }

  record Settings(LocalTime defaultReminderTime, LocalTime defaultQuietHoursStart, LocalTime defaultQuietHoursEnd, Double alertTrendDrop,
                  Integer alertDaysWithoutCheckin, Integer measureEveryDays, String crisisContacts) {}

  List<Clinician> clinicians(SignedIn person) {
    return Arrays.asList(gateway.call(person, rest -> rest.get().uri("/api/accounts/clinicians").retrieve().body(Clinician[].class)));
  }

  Clinician add(SignedIn person, String email, String firstName, String lastName) {
    return gateway.call(person, rest -> rest.post().uri("/api/accounts/clinicians")
        .body(Map.of("email", email, "firstName", firstName, "lastName", lastName)).retrieve().body(Clinician.class));
  }

  Clinician rename(SignedIn person, UUID id, String firstName, String lastName) {
    return gateway.call(person, rest -> rest.put().uri("/api/accounts/clinicians/{id}", id)
        .body(Map.of("firstName", firstName, "lastName", lastName)).retrieve().body(Clinician.class));
  }

  Clinician deactivate(SignedIn person, UUID id) {
    return gateway.call(person, rest -> rest.post().uri("/api/accounts/clinicians/{id}/deactivation", id).retrieve().body(Clinician.class));
  }

  Settings settings(SignedIn person) {
    return gateway.call(person, rest -> rest.get().uri("/api/accounts/clinic/settings").retrieve().body(Settings.class));
  }

  Settings change(SignedIn person, Settings settings) {
    return gateway.call(person, rest -> rest.put().uri("/api/accounts/clinic/settings").body(settings).retrieve().body(Settings.class));
  }
}
