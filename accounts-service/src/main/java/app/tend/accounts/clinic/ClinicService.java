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
import io.r2dbc.spi.Readable;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Clinics are Tend's tenants; only a platform admin creates one. */
@Service
public class ClinicService {

  private static final int NAME_MAX = 200;

  private final DatabaseClient database;
  private final Logins logins;
  private final StaffDirectory staff;
  private final Transactions transactions;
  private final ClinicSettingsService settings;
  private final PendingLoginChanges loginChanges;
  private final Outbox outbox;

  ClinicService(DatabaseClient database, Logins logins, StaffDirectory staff, Transactions transactions, ClinicSettingsService settings,
      PendingLoginChanges loginChanges, Outbox outbox) {
    this.settings = settings;
    this.loginChanges = loginChanges;
    this.outbox = outbox;
    this.database = database;
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
                                      database.sql("insert into clinic (id, name, time_zone) values (:id, :name, :zone)")
                                          .bind("id", clinicId)
                                          .bind("name", valid.name().strip())
                                          .bind("zone", valid.timeZone())
                                          .then()
                                          .then(database.sql("insert into clinic_settings (clinic_id) values (:id)").bind("id", clinicId).then())
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
    Flux<UUID> logins = database
        .sql("select id from staff where clinic_id = :clinicId union select id from partner where clinic_id = :clinicId")
        .bind("clinicId", clinicId)
        .map(row -> row.get("id", UUID.class))
        .all();
    return transactions.run(() -> database.sql("update clinic set active = false where id = :id and active")
            .bind("id", clinicId)
            .fetch()
            .rowsUpdated()
            .flatMap(changed -> changed == 0
                ? Mono.<Void>empty()
                : logins.concatMap(login -> loginChanges.note(login, Action.DISABLE))
                    .then(outbox.append(new ClinicDeactivated(clinicId), clinicId, clinicId).then())))
        .thenMany(logins.concatMap(login -> loginChanges.tryNow(login, Action.DISABLE)))
        .then(one(clinicId))
        .switchIfEmpty(Mono.error(() -> new NotFoundException("There is no such clinic.")));
  }

  private Mono<ClinicView> one(UUID clinicId) {
    return database.sql("select id, name, time_zone, active from clinic where id = :id")
        .bind("id", clinicId)
        .map(ClinicService::view)
        .one();
  }

  private static ClinicView view(Readable row) {
    return new ClinicView(row.get("id", UUID.class), row.get("name", String.class),
        row.get("time_zone", String.class), Boolean.TRUE.equals(row.get("active", Boolean.class)));
  }

  public Flux<ClinicView> list(Caller caller) {
    if (!caller.has(Caller.PLATFORM_ADMIN)) {
      return Flux.error(Caller.nothingHere());
    }
    return database.sql("select id, name, time_zone, active from clinic order by name")
        .map(ClinicService::view)
        .all();
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
