package app.tend.checkins.note;

import app.tend.checkins.note.SessionNotes.SessionNote;
import app.tend.platform.security.CurrentCaller;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The assigned clinician's session notes on a couple; 404 for anyone else. */
@RestController
@RequestMapping("/api/checkins/couples/{coupleId}/notes")
class SessionNotesController {

  private final SessionNotes notes;

  SessionNotesController(SessionNotes notes) {
    this.notes = notes;
  }

  record NewNote(String words) {}

  @GetMapping
  Mono<List<SessionNote>> notes(@PathVariable UUID coupleId) {
    return CurrentCaller.get().flatMap(caller -> notes.of(caller, coupleId));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Mono<SessionNote> write(@PathVariable UUID coupleId, @RequestBody NewNote note) {
    return CurrentCaller.get().flatMap(caller -> notes.write(caller, coupleId, note.words()));
  }
}
