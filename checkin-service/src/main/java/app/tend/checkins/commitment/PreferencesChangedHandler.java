package app.tend.checkins.commitment;

import app.tend.checkins.couple.CoupleProjection;
import app.tend.contracts.EventEnvelope;
import app.tend.contracts.Topics;
import app.tend.contracts.accounts.PreferencesChanged;
import app.tend.platform.inbox.EventHandler;
import java.time.ZoneId;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A partner's new time zone: their local day, and when their commitments fall due, follow it. */
@Component
class PreferencesChangedHandler extends EventHandler<PreferencesChanged> {

  private final CoupleProjection couples;
  private final DueCommitments dueCommitments;

  PreferencesChangedHandler(CoupleProjection couples, DueCommitments dueCommitments) {
    super(PreferencesChanged.class, Topics.ACCOUNTS_COUPLE, "kept the partner's time zone");
    this.couples = couples;
    this.dueCommitments = dueCommitments;
  }

  @Override
  protected Mono<Void> handle(PreferencesChanged event, EventEnvelope envelope) {
    ZoneId zone = ZoneId.of(event.timeZone()); // refuses an unknown zone before writing
    return couples.timeZoneChanged(event.partnerId(), event.clinicId(), event.timeZone())
        .then(dueCommitments.rescheduleFor(event.partnerId(), zone));
  }
}
