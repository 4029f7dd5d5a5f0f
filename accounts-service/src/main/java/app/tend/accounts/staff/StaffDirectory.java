package app.tend.accounts.staff;

import app.tend.accounts.identity.PersonDetails;
import io.r2dbc.spi.Readable;
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

  private static StaffMember member(Readable row) {
    return new StaffMember(
        row.get("id", UUID.class), row.get("clinic_id", UUID.class), row.get("email", String.class),
        row.get("first_name", String.class), row.get("last_name", String.class), row.get("role", String.class),
        Boolean.TRUE.equals(row.get("active", Boolean.class)));
  }
}
