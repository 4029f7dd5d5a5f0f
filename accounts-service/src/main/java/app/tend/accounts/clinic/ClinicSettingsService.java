package app.tend.accounts.clinic;

import app.tend.accounts.identity.PersonDetails;
import app.tend.accounts.partner.PartnerDay;
import app.tend.contracts.accounts.ClinicSettingsChanged;
import app.tend.platform.outbox.Outbox;
import app.tend.platform.outbox.Transactions;
import app.tend.platform.security.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** A clinic's settings: read and changed by its admin; every change reaches the other services as an event. */
@Service
public class ClinicSettingsService {

  private static final Set<Integer> MEASURE_SCHEDULES = Set.of(7, 14, 28);

  private final Clinics clinics;
  private final Outbox outbox;
  private final Transactions transactions;

  ClinicSettingsService(Clinics clinics, Outbox outbox, Transactions transactions) {
    this.clinics = clinics;
    this.outbox = outbox;
    this.transactions = transactions;
  }

  public Mono<ClinicSettings> get(Caller caller) {
    return caller.clinicAs(Caller.CLINIC_ADMIN).flatMap(this::read);
  }

  public Mono<ClinicSettings> change(Caller caller, ClinicSettings settings) {
    return caller.clinicAs(Caller.CLINIC_ADMIN).flatMap(clinicId -> Mono.fromRunnable(() -> validate(settings))
        .then(transactions.run(() -> clinics.changeSettings(clinicId, settings)
            .then(announce(clinicId, settings))))
        .then(read(clinicId)));
  }

  /** Records {@code ClinicSettingsChanged} with the whole state; must run in the transaction of the change. */
  Mono<Void> announce(UUID clinicId, ClinicSettings settings) {
    return outbox.append(new ClinicSettingsChanged(clinicId, settings.defaultReminderTime(), settings.defaultQuietHoursStart(),
        settings.defaultQuietHoursEnd(), settings.alertTrendDrop(), settings.alertDaysWithoutCheckin(), settings.measureEveryDays()),
        clinicId, clinicId).then();
  }

  /** The settings of a clinic, for anyone inside accounts-service who needs them (e.g. the join page's defaults). */
  public Mono<ClinicSettings> read(UUID clinicId) {
    return clinics.settings(clinicId);
  }

  private static void validate(ClinicSettings settings) {
    if (settings == null) {
      PersonDetails.refuseUnless(List.of("the settings are missing"));
    }
    List<String> problems = new ArrayList<>(PartnerDay.timeProblems(
        settings.defaultReminderTime(), settings.defaultQuietHoursStart(), settings.defaultQuietHoursEnd(), "the default"));
    // Written so that NaN (Jackson reads the text "NaN" as one) fails it too.
    if (settings.alertTrendDrop() == null || !(settings.alertTrendDrop() >= 0.5 && settings.alertTrendDrop() <= 4)) {
      problems.add("the drop that alerts a clinician must be between 0.5 and 4 points");
    }
    if (settings.alertDaysWithoutCheckin() == null || settings.alertDaysWithoutCheckin() < 1 || settings.alertDaysWithoutCheckin() > 30) {
      problems.add("the days without a check-in that alert a clinician must be 1 to 30");
    }
    if (settings.measureEveryDays() == null || !MEASURE_SCHEDULES.contains(settings.measureEveryDays())) {
      problems.add("the relationship measure is asked every 7, 14 or 28 days");
    }
    if (settings.crisisContacts() == null) {
      problems.add("the crisis contacts are missing (send an empty text if there are none yet)");
    } else if (settings.crisisContacts().strip().length() > ClinicSettings.MAX_CRISIS_CONTACTS) {
      problems.add("the crisis contacts can be at most " + ClinicSettings.MAX_CRISIS_CONTACTS + " characters");
    }
    PersonDetails.refuseUnless(problems);
  }
}
