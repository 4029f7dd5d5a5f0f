package app.tend.web.commitment;

import app.tend.web.platform.api.Gateway;
import app.tend.web.platform.security.SignedIn;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** checkin-service's commitments API, as the partner's page uses it. */
@Component
public class CommitmentApi {

  private final Gateway gateway;

  CommitmentApi(Gateway gateway) {
    this.gateway = gateway;
  }

  public enum Kind { ONCE, DAILY, WEEKDAYS, WEEKLY }

  /** When a commitment falls due, in its author's local time. */
  public record Schedule(Kind kind, LocalDate date, LocalTime time, DayOfWeek dayOfWeek) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);


    /** The schedule in words, e.g. "Every Wednesday by 20:00". */
    public String describe() {
      String by = " by " + time;
      return switch (kind) {
        case ONCE -> "On " + DAY.format(date) + by;
        case DAILY -> "Every day" + by;
        case WEEKDAYS -> "On weekdays" + by;
        case WEEKLY -> "Every " + dayOfWeek.getDisplayName(TextStyle.FULL, Locale.UK) + by;
      };
    }
  }

  public record Occurrence(LocalDate dueDate, Boolean kept, Boolean noticed, boolean markable, boolean answerable) {}

  public record Commitment(UUID id, boolean byMe, String words, Schedule schedule, Instant createdAt, boolean withdrawn, boolean changeable,
                    LocalDate nextDue, List<Occurrence> occurrences) {}

  public record FollowThrough(int kept, int notKept, int unmarked, Double rate) {}

  record Page(LocalDate today, List<Commitment> byMe, List<Commitment> toMe, FollowThrough followThrough) {}

  /** A commitment as its author makes it: what they will do ("I will …") and when. */
  public record Request(String words, Schedule schedule) {}

  Page page(SignedIn person) {
    return gateway.call(person, rest -> rest.get().uri("/api/checkins/commitments").retrieve().body(Page.class));
  }

  Commitment make(SignedIn person, Request request) {
    return gateway.call(person, rest -> rest.post().uri("/api/checkins/commitments").body(request).retrieve().body(Commitment.class));
  }

  Commitment change(SignedIn person, UUID id, Request request) {
    return gateway.call(person, rest -> rest.put().uri("/api/checkins/commitments/{id}", id).body(request).retrieve()
        .body(Commitment.class));
  }

  void withdraw(SignedIn person, UUID id) {
    gateway.call(person, rest -> rest.delete().uri("/api/checkins/commitments/{id}", id).retrieve().toBodilessEntity());
  }

  Occurrence mark(SignedIn person, UUID id, LocalDate day, boolean kept) {
    return gateway.call(person, rest -> rest.put().uri("/api/checkins/commitments/{id}/days/{day}/mark", id, day)
        .body(Map.of("kept", kept)).retrieve().body(Occurrence.class));
  }

  Occurrence answer(SignedIn person, UUID id, LocalDate day, boolean noticed) {
    return gateway.call(person, rest -> rest.put().uri("/api/checkins/commitments/{id}/days/{day}/answer", id, day)
        .body(Map.of("noticed", noticed)).retrieve().body(Occurrence.class));
  }
}
