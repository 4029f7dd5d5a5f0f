package app.tend.checkins.checkin;

import app.tend.platform.security.CurrentCaller;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The partner's daily check-in. */
@RestController
@RequestMapping("/api/checkins")
class CheckinController {

  private final CheckinService checkins;

  CheckinController(CheckinService checkins) {
    this.checkins = checkins;
  }

  /** The caller's local today and today's check-in, if they made one. */
  @GetMapping("/today")
  Mono<TodayView> today() {
    return CurrentCaller.get().flatMap(checkins::today);
  }

  /**
   * Submits or changes today's check-in: 201 the first time that day, 200 afterwards. Sending the
   * same answers again changes nothing.
   */
  @PutMapping("/today")
  Mono<ResponseEntity<CheckinView>> submitToday(@RequestBody SubmitCheckinRequest request) {
    return CurrentCaller.get()
        .flatMap(caller -> checkins.submitToday(caller, request))
        .map(submitted -> ResponseEntity.status(submitted.created() ? HttpStatus.CREATED : HttpStatus.OK)
            .body(submitted.checkin()));
  }

  /**
   * The caller's own trends: 7- and 28-day averages per act with their direction, days checked in
   * of the last 14, and days practised in all.
   */
  @GetMapping("/trends")
  Mono<TrendsView> trends() {
    return CurrentCaller.get().flatMap(checkins::trends);
  }

  /** The caller's own check-ins in their couple, between two local days (inclusive). */
  @GetMapping("/couples/{coupleId}/mine")
  Flux<CheckinView> mine(
      @PathVariable UUID coupleId,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return CurrentCaller.get().flatMapMany(caller -> checkins.ownCheckins(caller, coupleId, from, to));
  }

  /**
   * Both partners' check-ins between two local days (inclusive), for the couple's assigned clinician
   * only; private reflections only where the partner consented.
   */
  @GetMapping("/couples/{coupleId}/checkins")
  Flux<PartnerCheckins> couple(
      @PathVariable UUID coupleId,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return CurrentCaller.get().flatMapMany(caller -> checkins.coupleCheckins(caller, coupleId, from, to));
  }
}
