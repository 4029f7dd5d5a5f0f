package app.tend.checkins.note;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The session notes kept on each couple, newest first. */
@Repository
class SessionNoteRows {

  private final DatabaseClient database;

  SessionNoteRows(DatabaseClient database) {
    this.database = database;
  }

  record StoredNote(UUID id, String words, Instant writtenAt, UUID authorId) {}

  Mono<List<StoredNote>> of(UUID coupleId, UUID clinicId) {
    return database.sql("select * from session_note where couple_id = :c and clinic_id = :clinic order by written_at desc, id")
        .bind("c", coupleId)
        .bind("clinic", clinicId)
        .map(row -> new StoredNote(row.get("id", UUID.class), row.get("words", String.class),
            row.get("written_at", OffsetDateTime.class).toInstant(), row.get("author_id", UUID.class)))
        .all()
        .collectList();
  }

  Mono<Void> add(StoredNote note, UUID coupleId, UUID clinicId) {
    return database
        .sql("insert into session_note (id, clinic_id, couple_id, author_id, words, written_at) values (:id, :clinic, :c, :author, :words, :at)")
        .bind("id", note.id())
        .bind("clinic", clinicId)
        .bind("c", coupleId)
        .bind("author", note.authorId())
        .bind("words", note.words())
        .bind("at", note.writtenAt())
        .then();
  }
}
