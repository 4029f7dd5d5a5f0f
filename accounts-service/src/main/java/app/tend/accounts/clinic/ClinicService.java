package app.tend.accounts.clinic;

import app.tend.accounts.platform.identity.Logins;
import app.tend.accounts.platform.identity.Logins.NewLogin;
import app.tend.accounts.platform.identity.PersonDetails;
import app.tend.accounts.platform.outbox.Transactions;
import app.tend.accounts.platform.security.Caller;
import app.tend.accounts.platform.web.NotFoundException;
import app.tend.accounts.staff.StaffDirectory;
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

  ClinicService(DatabaseClient database, Logins logins, StaffDirectory staff, Transactions transactions) {
    this.database = database;
    this.logins = logins;
    this.staff = staff;
    this.transactions = transactions;
  }

  public Mono<CreatedClinic> create(Caller caller, CreateClinicRequest request) {
    if (!caller.has(Caller.PLATFORM_ADMIN)) {
      return Mono.error(new NotFoundException("There is nothing here for you."));
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
                                          .then(staff.add(adminId, clinicId, admin, Caller.CLINIC_ADMIN)))
                              .onErrorResume(e -> logins.delete(adminId).then(Mono.error(e)))
                              .thenReturn(new CreatedClinic(new ClinicView(clinicId, valid.name().strip(), valid.timeZone(), true), adminId)));
            });
  }

  public Flux<ClinicView> list(Caller caller) {
    if (!caller.has(Caller.PLATFORM_ADMIN)) {
      return Flux.error(new NotFoundException("There is nothing here for you."));
    }
    return database.sql("select id, name, time_zone, active from clinic order by name")
        .map(row -> new ClinicView(row.get("id", UUID.class), row.get("name", String.class),
            row.get("time_zone", String.class), Boolean.TRUE.equals(row.get("active", Boolean.class))))
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
