package app.tend.accounts.couple;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The couples enrolled at each clinic, and the clinician each works with. */
@Repository
class Couples {

  private final DatabaseClient database;

  Couples(DatabaseClient database) {
    this.database = database;
  }

  Mono<Void> add(UUID id, UUID clinicId, UUID clinicianId) {
    return database.sql("insert into couple (id, clinic_id, clinician_id) values (:id, :clinicId, :clinicianId)")
        .bind("id", id)
        .bind("clinicId", clinicId)
        .bind("clinicianId", clinicianId)
        .then();
  }

  /** The couples a caller may list: the whole clinic's, or only those of {@code clinicianId}; oldest first. */
  Mono<List<UUID>> ids(UUID clinicId, boolean wholeClinic, UUID clinicianId) {
    return database
        .sql(
            """
            select id from couple
            where clinic_id = :clinicId and (:wholeClinic or clinician_id = :caller)
            order by created_at, id
            """)
        .bind("clinicId", clinicId)
        .bind("wholeClinic", wholeClinic)
        .bind("caller", clinicianId)
        .map(row -> row.get("id", UUID.class))
        .all()
        .collectList();
  }

  /** Each of the clinic's couples among {@code ids} with its clinician. */
  Mono<Map<UUID, UUID>> cliniciansOf(UUID clinicId, List<UUID> ids) {
    return database.sql("select id, clinician_id from couple where clinic_id = :clinicId and id = any(:ids)")
        .bind("clinicId", clinicId)
        .bind("ids", ids.toArray(UUID[]::new))
        .map(row -> Map.entry(row.get("id", UUID.class), row.get("clinician_id", UUID.class)))
        .all()
        .collectMap(Map.Entry::getKey, Map.Entry::getValue);
  }

  /** The couple works with {@code clinicianId} from now on; false when the clinic has no such couple. */
  Mono<Boolean> assign(UUID id, UUID clinicId, UUID clinicianId) {
    return database
        .sql("update couple set clinician_id = :clinicianId where id = :id and clinic_id = :clinicId")
        .bind("clinicianId", clinicianId)
        .bind("id", id)
        .bind("clinicId", clinicId)
        .fetch()
        .rowsUpdated()
        .map(rows -> rows == 1);
  }

  /** Whether any of these addresses belongs to a login, a partner's or a staff member's. */
  Mono<Boolean> anyLogin(List<String> emails) {
    return database.sql("select count(*) from (select email from partner union all select email from staff) login where email = any(:emails)")
        .bind("emails", emails.toArray(String[]::new))
        .map(row -> row.get(0, Long.class) > 0)
        .one();
  }
}
