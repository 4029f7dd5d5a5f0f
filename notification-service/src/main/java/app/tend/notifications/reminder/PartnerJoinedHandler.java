package app.tend.notifications.reminder;

import app.tend.contracts.EventEnvelope;
import app.tend.contracts.Topics;
import app.tend.contracts.accounts.PartnerJoined;
import app.tend.notifications.couple.CoupleProjection;
import app.tend.platform.inbox.EventHandler;
import java.time.Instant;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A partner joined their couple: they are reminded at their time, in their zone, from now on. */
@Component
class PartnerJoinedHandler extends EventHandler<PartnerJoined> {

  private final CoupleProjection couples;
  private final Reminders reminders;

  PartnerJoinedHandler(CoupleProjection couples, Reminders reminders) {
    super(PartnerJoined.class, Topics.ACCOUNTS_COUPLE, "knows the partner and their day");
    this.couples = couples;
    this.reminders = reminders;
  }

  @Override
  protected Mono<Void> handle(PartnerJoined joined, EventEnvelope envelope) {
    return couples.joined(joined).then(reminders.reschedule(joined.partnerId(), Instant.now()));
  }
}
