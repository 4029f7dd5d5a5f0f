package app.tend.accounts.me;

import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The names a signed-in person is greeted with: their own, and a partner's partner's. */
@Repository
class Names {

  private final DatabaseClient database;

  Names(DatabaseClient database) {
    this.database = database;
  }

  record PartnerNames(String firstName, UUID coupleId, String partnerFirstName) {}

  /** A partner's first name, couple and their partner's first name (null until that one joins). */
  Mono<PartnerNames> ofPartner(UUID id, UUID clinicId) {
    return database
        .sql(
            """
            select me.first_name, me.couple_id, other.first_name as partner_first_name
            from partner me left join partner other on other.couple_id = me.couple_id and other.id <> me.id
            where me.id = :id and me.clinic_id = :clinicId
            """)
        .bind("id", id)
        .bind("clinicId", clinicId)
        .map(row -> new PartnerNames(row.get("first_name", String.class), row.get("couple_id", UUID.class),
            row.get("partner_first_name", String.class)))
        .one();
  }

  /** A staff member's first name. */
  Mono<String> ofStaff(UUID id, UUID clinicId) {
    return database.sql("select first_name from staff where id = :id and clinic_id = :clinicId")
        .bind("id", id)
        .bind("clinicId", clinicId)
        .map(row -> row.get("first_name", String.class))
        .one();
  }
}
