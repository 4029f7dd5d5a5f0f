package app.tend.accounts.clinic;

import app.tend.accounts.identity.Logins.NewLogin;
import app.tend.accounts.identity.Logins;
import app.tend.accounts.identity.PendingLoginChanges.Action;
import app.tend.accounts.identity.PendingLoginChanges;
import app.tend.accounts.identity.PersonDetails;
import app.tend.accounts.staff.StaffDirectory;
import app.tend.contracts.accounts.ClinicCreated;
import app.tend.contracts.accounts.ClinicDeactivated;
import app.tend.platform.outbox.Outbox;
import app.tend.platform.outbox.Transactions;
import app.tend.platform.security.Caller;
import app.tend.platform.web.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Clinics are Tend's tenants; only a platform admin creates one. */
@Service
public class ClinicService {

  private static final int NAME_MAX = 200;

  private final Clinics clinics;
  private final Logins logins;
  private final StaffDirectory staff;
  private final Transactions transactions;
  private final ClinicSettingsService settings;
  private final PendingLoginChanges loginChanges;
  private final Outbox outbox;

  ClinicService(Clinics clinics, Logins logins, StaffDirectory staff, Transactions transactions, ClinicSettingsService settings,
      PendingLoginChanges loginChanges, Outbox outbox) {
    this.settings = settings;
    this.loginChanges = loginChanges;
    this.outbox = outbox;
    this.clinics = clinics;
    this.logins = logins;
    this.staff = staff;
    this.transactions = transactions;
  }

  public Mono<CreatedClinic> create(Caller caller, CreateClinicRequest request) {
    if (!caller.has(Caller.PLATFORM_ADMIN)) {
      return Mono.error(Caller.nothingHere());
    }
    return Mono.fromCallable(() -> validated(request))
        .flatMap(
            valid -> {
              UUID clinicId = UUID.randomUUID();
              var admin = valid.admin().normalised();
              return logins
                  .create(new NewLogin(admin.email(), admin.firstName(), admin.lastName(), clinicId, Caller.CLINIC_ADMIN))
                  .flatMap(
                      adminId ->
                          transactions
                              .run(
                                  () ->
                                      clinics.add(clinicId, valid.name().strip(), valid.timeZone())
                                          .then(outbox.append(new ClinicCreated(clinicId, valid.timeZone()), clinicId, clinicId))
                                          .then(settings.read(clinicId).flatMap(defaults -> settings.announce(clinicId, defaults)))
                                          .then(staff.add(adminId, clinicId, admin, Caller.CLINIC_ADMIN)))
                              .onErrorResume(e -> logins.delete(adminId).then(Mono.error(e)))
                              .thenReturn(new CreatedClinic(new ClinicView(clinicId, valid.name().strip(), valid.timeZone(), true), adminId)));
            });
  }

  /**
   * Stops a clinic from using Tend: the clinic is marked inactive, every login of its staff and
   * partners is disabled (now, or by the background retry if Keycloak does not answer), its open
   * invitations stop working, and {@code ClinicDeactivated} tells the other services. Its data stays.
   */
  public Mono<ClinicView> deactivate(Caller caller, UUID clinicId) {
    if (!caller.has(Caller.PLATFORM_ADMIN)) {
      return Mono.error(Caller.nothingHere());
    }
    Flux<UUID> logins = clinics.logins(clinicId);
    return transactions.run(() -> clinics.deactivate(clinicId)
            .flatMap(changed -> !changed
                ? Mono.<Void>empty()
                : logins.concatMap(login -> loginChanges.note(login, Action.DISABLE))
                    .then(outbox.append(new ClinicDeactivated(clinicId), clinicId, clinicId).then())))
        .thenMany(logins.concatMap(login -> loginChanges.tryNow(login, Action.DISABLE)))
        .then(clinics.find(clinicId))
        .switchIfEmpty(Mono.error(() -> new NotFoundException("There is no such clinic.")));
  }

  public Flux<ClinicView> list(Caller caller) {
    if (!caller.has(Caller.PLATFORM_ADMIN)) {
      return Flux.error(Caller.nothingHere());
    }
    return clinics.all();
  }

  private static CreateClinicRequest validated(CreateClinicRequest request) {
    List<String> problems = new ArrayList<>();
    if (request.name() == null || request.name().isBlank() || request.name().length() > NAME_MAX) {
      problems.add("name must be 1 to " + NAME_MAX + " characters");
    }
    PersonDetails.requireZone(request.timeZone(), "clinic", problems);
    if (request.admin() == null) {
      problems.add("admin is missing");
    } else {
      problems.addAll(request.admin().problems("admin"));
    }
    PersonDetails.refuseUnless(problems);
    return request;
  }
}
