package app.tend.checkins.commitment;

import app.tend.platform.security.CurrentCaller;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The partners' commitments to each other. */
@RestController
@RequestMapping("/api/checkins")
class CommitmentController {

  private final CommitmentService commitments;

  CommitmentController(CommitmentService commitments) {
    this.commitments = commitments;
  }

  /** Commitments made by the caller and to the caller, with the caller's follow-through over four weeks. */
  @GetMapping("/commitments")
  Mono<CommitmentsView> page() {
    return CurrentCaller.get().flatMap(commitments::page);
  }

  /** Both partners' commitments and follow-through, for the couple's assigned clinician; 404 for anyone else. */
  @GetMapping("/couples/{coupleId}/commitments")
  Mono<CoupleCommitmentsView> ofCouple(@PathVariable UUID coupleId) {
    return CurrentCaller.get().flatMap(caller -> commitments.forClinician(caller, coupleId));
  }

  @PostMapping("/commitments")
  @ResponseStatus(HttpStatus.CREATED)
  Mono<CommitmentView> make(@RequestBody CommitmentRequest request) {
    return CurrentCaller.get().flatMap(caller -> commitments.make(caller, request));
  }

  /** Changes words and schedule: the author only, and only until a day of it was marked. */
  @PutMapping("/commitments/{id}")
  Mono<CommitmentView> change(@PathVariable UUID id, @RequestBody CommitmentRequest request) {
    return CurrentCaller.get().flatMap(caller -> commitments.change(caller, id, request));
  }

  /** Withdraws it (the author only); what was marked stays. */
  @DeleteMapping("/commitments/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  Mono<Void> withdraw(@PathVariable UUID id) {
    return CurrentCaller.get().flatMap(caller -> commitments.withdraw(caller, id));
  }

  record Mark(Boolean kept) {}

  /** The author marks a due day kept or not kept. */
  @PutMapping("/commitments/{id}/days/{day}/mark")
  Mono<CommitmentView.Occurrence> mark(
      @PathVariable UUID id, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, @RequestBody Mark mark) {
    return CurrentCaller.get().flatMap(caller -> commitments.mark(caller, id, day, mark.kept()));
  }

  record Answer(Boolean noticed) {}

  /** The partner it was made to answers a marked day: "I noticed" (true) or "I see it differently" (false). */
  @PutMapping("/commitments/{id}/days/{day}/answer")
  Mono<CommitmentView.Occurrence> answer(
      @PathVariable UUID id, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, @RequestBody Answer answer) {
    return CurrentCaller.get().flatMap(caller -> commitments.answer(caller, id, day, answer.noticed()));
  }
}
