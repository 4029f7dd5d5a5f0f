package app.tend.checkins.note;

import app.tend.checkins.couple.Partners;
import app.tend.platform.security.Caller;
import app.tend.platform.web.InvalidRequestException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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

  private final SessionNoteRows notes;
  private final Partners partners;

  SessionNotes(SessionNoteRows notes, Partners partners) {
    this.notes = notes;
    this.partners = partners;
  }

  /** A note as the clinician reads it; {@code byMe} tells their own from a previous clinician's. */
  public record SessionNote(UUID id, String words, Instant writtenAt, boolean byMe) {}

  public Mono<List<SessionNote>> of(Caller caller, UUID coupleId) {
    return partners.assignedToCaller(caller, coupleId, "session-notes")
        .flatMap(couple -> notes.of(coupleId, couple.clinicId()))
        .map(stored -> stored.stream()
            .map(note -> new SessionNote(note.id(), note.words(), note.writtenAt(), caller.subject().equals(note.authorId())))
            .toList());
  }

  public Mono<SessionNote> write(Caller caller, UUID coupleId, String words) {
    String text = words == null ? "" : words.strip();
    if (text.isEmpty() || text.length() > LONGEST) {
      return Mono.error(new InvalidRequestException("Please check: a note is 1 to " + LONGEST + " characters."));
    }
    UUID id = UUID.randomUUID();
    Instant now = Instant.now();
    return partners.assignedToCaller(caller, coupleId, "session-notes.write")
        .flatMap(couple -> notes.add(new SessionNoteRows.StoredNote(id, text, now, caller.subject()), coupleId, couple.clinicId()))
        .thenReturn(new SessionNote(id, text, now, true));
  }
}
