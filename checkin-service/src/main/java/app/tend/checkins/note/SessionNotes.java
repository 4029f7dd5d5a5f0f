package app.tend.checkins.note;

import app.tend.checkins.couple.Partners;
import app.tend.platform.security.Caller;
import app.tend.platform.web.InvalidRequestException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The clinician's own notes on a couple for their sessions. Only the couple's assigned clinician
 * reads or writes them (a reassigned couple's notes go with it to the new clinician); partners and
 * everyone else get 404; every read is audited.
 */
@Service
public class SessionNotes {

  static final int LONGEST = 5000;

  private final DatabaseClient database;
  private final Partners partners;

  SessionNotes(DatabaseClient database, Partners partners) {
    this.database = database;
    this.partners = partners;
  }

  /** A note as the clinician reads it; {@code byMe} tells their own from a previous clinician's. */
  public record SessionNote(UUID id, String words, Instant writtenAt, boolean byMe) {}

  public Mono<List<SessionNote>> of(Caller caller, UUID coupleId) {
    return partners.assignedToCaller(caller, coupleId, "session-notes")
        .flatMap(couple -> database.sql("select * from session_note where couple_id = :c and clinic_id = :clinic order by written_at desc, id")
            .bind("c", coupleId)
            .bind("clinic", couple.clinicId())
            .map(row -> new SessionNote(row.get("id", UUID.class), row.get("words", String.class),
                row.get("written_at", OffsetDateTime.class).toInstant(), caller.subject().equals(row.get("author_id", UUID.class))))
            .all()
            .collectList());
  }

  public Mono<SessionNote> write(Caller caller, UUID coupleId, String words) {
    String text = words == null ? "" : words.strip();
    if (text.isEmpty() || text.length() > LONGEST) {
      return Mono.error(new InvalidRequestException("Please check: a note is 1 to " + LONGEST + " characters."));
    }
    UUID id = UUID.randomUUID();
    Instant now = Instant.now();
    return partners.assignedToCaller(caller, coupleId, "session-notes.write")
        .flatMap(couple -> database
            .sql("insert into session_note (id, clinic_id, couple_id, author_id, words, written_at) values (:id, :clinic, :c, :author, :words, :at)")
            .bind("id", id)
            .bind("clinic", couple.clinicId())
            .bind("c", coupleId)
            .bind("author", caller.subject())
            .bind("words", text)
            .bind("at", now)
            .then())
        .thenReturn(new SessionNote(id, text, now, true));
  }
}
