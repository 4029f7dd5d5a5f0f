package app.tend.accounts.staff;

import app.tend.accounts.identity.PersonDetails;
import io.r2dbc.spi.Readable;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Clinicians and clinic admins, always looked up within one clinic. */
@Repository
public class StaffDirectory {

  private final DatabaseClient database;

  StaffDirectory(DatabaseClient database) {
    this.database = database;
  }

  public Mono<Void> add(UUID id, UUID clinicId, PersonDetails person, String role) {
    return database
        .sql("insert into staff (id, clinic_id, email, first_name, last_name, role) values (:id, :clinicId, :email, :first, :last, :role)")
        .bind("id", id)
        .bind("clinicId", clinicId)
        .bind("email", person.email())
        .bind("first", person.firstName())
        .bind("last", person.lastName())
        .bind("role", role)
        .then();
  }

  public Mono<StaffMember> find(UUID clinicId, UUID id) {
    return database.sql("select * from staff where id = :id and clinic_id = :clinicId")
        .bind("id", id)
        .bind("clinicId", clinicId)
        .map(StaffDirectory::member)
        .one();
  }

  public Flux<StaffMember> clinicians(UUID clinicId) {
    return database.sql("select * from staff where clinic_id = :clinicId and role = 'clinician' order by last_name, first_name")
        .bind("clinicId", clinicId)
        .map(StaffDirectory::member)
        .all();
  }

  Mono<Void> rename(UUID clinicId, UUID id, String firstName, String lastName) {
    return database.sql("update staff set first_name = :first, last_name = :last where id = :id and clinic_id = :clinicId")
        .bind("first", firstName).bind("last", lastName).bind("id", id).bind("clinicId", clinicId)
        .then();
  }

  Mono<Void> deactivate(UUID clinicId, UUID id) {
    return database.sql("update staff set active = false where id = :id and clinic_id = :clinicId")
        .bind("id", id).bind("clinicId", clinicId)
        .then();
  }

  /** How many couples of the clinic the clinician works with. */
  Mono<Long> couplesOf(UUID clinicId, UUID clinicianId) {
    return database.sql("select count(*) from couple where clinician_id = :id and clinic_id = :clinicId")
        .bind("id", clinicianId)
        .bind("clinicId", clinicId)
        .map(row -> row.get(0, Long.class))
        .one();
  }

  /** A staff member whose welcome e-mail is due, with the attempts made so far, this one included. */
  record WelcomeDue(UUID id, int attempts) {}

  /** Staff whose welcome e-mail is due, at most 20, each claimed for two minutes and its attempt counted. */
  Mono<List<WelcomeDue>> claimWelcomesDue() {
    return database
        .sql(
            """
            update staff set welcome_attempts = welcome_attempts + 1, welcome_next_attempt_at = now() + interval '2 minutes'
            where id in (select id from staff where welcome_sent_at is null and active and welcome_next_attempt_at <= now()
                           and clinic_id in (select id from clinic where active)
                         order by welcome_next_attempt_at limit 20 for update skip locked)
            returning id, welcome_attempts
            """)
        .map(row -> new WelcomeDue(row.get("id", UUID.class), row.get("welcome_attempts", Integer.class)))
        .all()
        .collectList();
  }

  Mono<Void> welcomeSent(UUID id) {
    return database.sql("update staff set welcome_sent_at = now(), welcome_last_error = null where id = :id").bind("id", id).then();
  }

  /** The welcome e-mail failed with {@code error}; it is tried again after {@code pauseSeconds}. */
  Mono<Void> welcomeFailed(UUID id, String error, long pauseSeconds) {
    return database.sql("update staff set welcome_last_error = :error, welcome_next_attempt_at = now() + make_interval(secs => :pause) where id = :id")
        .bind("error", error)
        .bind("pause", pauseSeconds)
        .bind("id", id)
        .then();
  }

  private static StaffMember member(Readable row) {
    return new StaffMember(
        row.get("id", UUID.class), row.get("clinic_id", UUID.class), row.get("email", String.class),
        row.get("first_name", String.class), row.get("last_name", String.class), row.get("role", String.class),
        Boolean.TRUE.equals(row.get("active", Boolean.class)));
  }
}
