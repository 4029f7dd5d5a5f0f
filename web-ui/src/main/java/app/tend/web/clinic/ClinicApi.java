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

  record Figures(int couples, boolean suppressed, Integer activeCouples, List<Double> engagement, Double csiChange,
                 Integer partnersWithCsiChange, Integer couplesMeasured, Double shareBelowCutOff) {}

  record ClinicianFigures(UUID clinicianId, Figures figures) {}

  record Outcomes(int minimumGroupSize, List<java.time.LocalDate> weeks, Figures clinic, List<ClinicianFigures> byClinician) {}

  /** checkin-service: the clinic's de-identified outcomes. */
  Outcomes outcomes(SignedIn person) {
    return gateway.call(person, rest -> rest.get().uri("/api/checkins/outcomes").retrieve().body(Outcomes.class));
  }

  record AuditEntry(long id, java.time.Instant at, UUID actorId, String actorRoles, String action, UUID coupleId, String clientAddress,
                    String requestId) {}

  record AuditPage(List<AuditEntry> entries, Long nextBefore) {}

  /**
   * One page of a service's audit log for the clinic, newest first; null filters are left out.
   *
   * @param path {@code /api/checkins/audit} (practice data) or {@code /api/accounts/audit} (names, e-mails, invitations)
   */
  AuditPage audit(SignedIn person, String path, UUID actor, UUID couple, java.time.Instant since, java.time.Instant until, Long before, int limit) {
    return gateway.call(person, rest -> rest.get().uri(uri -> {
      uri.path(path).queryParam("limit", limit);
      if (actor != null) {
        uri.queryParam("actor", actor);
      }
      if (couple != null) {
        uri.queryParam("couple", couple);
      }
      if (since != null) {
        uri.queryParam("since", since);
      }
      if (until != null) {
        uri.queryParam("until", until);
      }
      if (before != null) {
        uri.queryParam("before", before);
      }
      return uri.build();
    }).retrieve().body(AuditPage.class));
  }

  record Partner(UUID partnerId, String firstName, String lastName, String state) {}

  record Couple(UUID id, UUID clinicianId, List<Partner> partners) {
    String names() {
      return String.join(" & ", partners.stream().filter(p -> p.firstName() != null).map(p -> p.firstName() + " " + p.lastName()).toList());
    }
  }

  /** accounts-service: the clinic's couples, for naming them in the audit log. */
  List<Couple> couples(SignedIn person) {
    return Arrays.asList(gateway.call(person, rest -> rest.get().uri("/api/accounts/couples").retrieve().body(Couple[].class)));
  }

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
