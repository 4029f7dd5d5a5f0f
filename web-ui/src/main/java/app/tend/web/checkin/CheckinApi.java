package app.tend.web.checkin;

import app.tend.web.platform.api.Gateway;
import app.tend.web.platform.security.SignedIn;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** checkin-service's check-in API, as this page uses it. */
@Component
class CheckinApi {

  private final Gateway gateway;

  CheckinApi(Gateway gateway) {
    this.gateway = gateway;
  }

  record Checkin(LocalDate day, int followThrough, int empathicListening, int honesty, int mattering, int connected,
                 String appreciation, String privateReflection, Instant submittedAt, Instant updatedAt) {}

  record Today(LocalDate day, Checkin checkin, String partnerAppreciation) {}

  record Answers(LocalDate day, int followThrough, int empathicListening, int honesty, int mattering, int connected,
                 String appreciation, String privateReflection) {}

  record DailyValue(LocalDate day, Integer value) {}

  record MeasureTrend(String measure, Double average7, Double average28, String direction, java.util.List<DailyValue> days) {}

  record Trends(LocalDate today, int daysCheckedInLast14, long daysPractised, java.util.List<MeasureTrend> measures) {}

  record Support(String clinicName, String crisisContacts) {}

  /** Tells the partner's clinician, and only them, that this partner does not feel safe. */
  void raiseSafetyConcern(SignedIn person) {
    gateway.call(person, rest -> rest.post().uri("/api/checkins/me/safety-concerns").retrieve().toBodilessEntity());
  }

  /** The partner's clinic's crisis contacts (accounts-service). */
  Support support(SignedIn person) {
    return gateway.call(person, rest -> rest.get().uri("/api/accounts/me/support").retrieve().body(Support.class));
  }

  Trends trends(SignedIn person) {
    return gateway.call(person, rest -> rest.get().uri("/api/checkins/trends").retrieve().body(Trends.class));
  }

  Today today(SignedIn person) {
    return gateway.call(person, rest -> rest.get().uri("/api/checkins/today").retrieve().body(Today.class));
  }

  Checkin submit(SignedIn person, Answers answers) {
    return gateway.call(person, rest -> rest.put().uri("/api/checkins/today").body(answers).retrieve().body(Checkin.class));
  }
}
