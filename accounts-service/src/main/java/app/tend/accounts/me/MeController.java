package app.tend.accounts.me;

import app.tend.platform.security.Caller;
import app.tend.platform.security.CurrentCaller;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The caller's own account. */
@RestController
class MeController {

  private final DatabaseClient database;

  MeController(DatabaseClient database) {
    this.database = database;
  }

  @GetMapping("/api/accounts/me")
  Mono<MeView> me() {
    return CurrentCaller.get().flatMap(this::describe);
  }

  private Mono<MeView> describe(Caller caller) {
    UUID clinicId = caller.clinicId().orElse(null);
    Set<String> roles = caller.roles().stream()
        .filter(Set.of(Caller.PARTNER, Caller.CLINICIAN, Caller.CLINIC_ADMIN, Caller.PLATFORM_ADMIN)::contains)
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
    if (caller.has(Caller.PARTNER) && clinicId != null) {
      return database
          .sql(
              """
              select me.first_name, me.couple_id, other.first_name as partner_first_name
              from partner me left join partner other on other.couple_id = me.couple_id and other.id <> me.id
              where me.id = :id and me.clinic_id = :clinicId
              """)
          .bind("id", caller.subject())
          .bind("clinicId", clinicId)
          .map(row -> new MeView(caller.subject(), roles, clinicId, row.get("first_name", String.class),
              row.get("couple_id", UUID.class), row.get("partner_first_name", String.class)))
          .one()
          .defaultIfEmpty(new MeView(caller.subject(), roles, clinicId, null, null, null));
    }
    if (clinicId != null) {
      return database.sql("select first_name from staff where id = :id and clinic_id = :clinicId")
          .bind("id", caller.subject())
          .bind("clinicId", clinicId)
          .map(row -> new MeView(caller.subject(), roles, clinicId, row.get("first_name", String.class), null, null))
          .one()
          .defaultIfEmpty(new MeView(caller.subject(), roles, clinicId, null, null, null));
    }
    return Mono.just(new MeView(caller.subject(), roles, null, null, null, null));
  }
}
