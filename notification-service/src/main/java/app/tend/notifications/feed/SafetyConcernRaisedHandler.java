package app.tend.notifications.feed;

import app.tend.contracts.EventEnvelope;
import app.tend.contracts.Topics;
import app.tend.contracts.checkin.SafetyConcernRaised;
import app.tend.notifications.couple.CoupleNotYetKnownException;
import app.tend.notifications.couple.CoupleProjection;
import app.tend.platform.inbox.EventHandler;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Alerts the couple's clinician at once when a partner raised "I don't feel safe". The clinician is
 * the only recipient: this handler never looks at the couple's partners.
 */
@Component
class SafetyConcernRaisedHandler extends EventHandler<SafetyConcernRaised> {

  private final CoupleProjection couples;
  private final Feed feed;

  SafetyConcernRaisedHandler(CoupleProjection couples, Feed feed) {
    super(SafetyConcernRaised.class, Topics.CHECKIN_SAFETY, "alerted the clinician");
    this.couples = couples;
    this.feed = feed;
  }

  /**
   * The couple's clinician must be known here (from {@code CoupleEnrolled} or {@code
   * ClinicianAssigned}, on another topic); until then the record is retried, and a flag is never
   * dropped silently: after the retries it waits in the dead-letter topic, counted.
   */
  @Override
  protected Mono<Void> handle(SafetyConcernRaised raised, EventEnvelope envelope) {
    UUID clinicId = envelope.clinicId();
    return couples.clinicianOf(raised.coupleId(), clinicId)
        .switchIfEmpty(Mono.error(() -> new CoupleNotYetKnownException(raised.coupleId())))
        .flatMap(clinician -> feed.create(clinician, clinicId, NotificationKind.SAFETY_CONCERN, envelope.eventId()))
        .then();
  }
}
