package app.tend.notifications.feed;

import app.tend.contracts.EventEnvelope;
import app.tend.contracts.Topics;
import app.tend.contracts.commitment.CommitmentDue;
import app.tend.contracts.notification.NotificationType;
import app.tend.platform.inbox.EventHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A commitment made to a partner is due: they are nudged to notice whether it was kept. */
@Component
class CommitmentDueHandler extends EventHandler<CommitmentDue> {

  private final PartnerNudges nudges;

  CommitmentDueHandler(PartnerNudges nudges) {
    super(CommitmentDue.class, Topics.CHECKIN_COMMITMENT, "nudged the partner it was made to");
    this.nudges = nudges;
  }

  @Override
  protected Mono<Void> handle(CommitmentDue event, EventEnvelope envelope) {
    return nudges.nudge(envelope, event.coupleId(), member -> member.equals(event.partnerId()), NotificationType.COMMITMENT_DUE, NotificationKind.COMMITMENT_DUE);
  }
}
