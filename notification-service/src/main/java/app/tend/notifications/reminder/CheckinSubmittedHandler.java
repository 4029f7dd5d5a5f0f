package app.tend.notifications.reminder;

import app.tend.contracts.EventEnvelope;
import app.tend.contracts.Topics;
import app.tend.contracts.checkin.CheckinSubmitted;
import app.tend.notifications.feed.PartnerNudges;
import app.tend.platform.inbox.EventHandler;
import java.time.Instant;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A partner checked in: the other one is told (of an appreciation first), and that day's reminder is spared. */
@Component
class CheckinSubmittedHandler extends EventHandler<CheckinSubmitted> {

  private final PartnerNudges nudges;
  private final Reminders reminders;

  CheckinSubmittedHandler(PartnerNudges nudges, Reminders reminders) {
    super(CheckinSubmitted.class, Topics.CHECKIN_CHECKIN, "notified the other partner");
    this.nudges = nudges;
    this.reminders = reminders;
  }

  @Override
  protected Mono<Void> handle(CheckinSubmitted submitted, EventEnvelope envelope) {
    return nudges.tellOtherPartner(envelope, submitted.coupleId(), submitted.partnerId(), submitted.appreciationAdded(), true)
        .then(reminders.checkedIn(submitted.partnerId(), envelope.clinicId(), submitted.localDate(), Instant.now()));
  }
}
