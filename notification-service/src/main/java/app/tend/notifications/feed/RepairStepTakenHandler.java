package app.tend.notifications.feed;

import app.tend.contracts.EventEnvelope;
import app.tend.contracts.Topics;
import app.tend.contracts.notification.NotificationType;
import app.tend.contracts.repair.RepairStepTaken;
import app.tend.platform.inbox.EventHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A partner took a step in a repair: the other one is nudged to take theirs. */
@Component
class RepairStepTakenHandler extends EventHandler<RepairStepTaken> {

  private final PartnerNudges nudges;

  RepairStepTakenHandler(PartnerNudges nudges) {
    super(RepairStepTaken.class, Topics.CHECKIN_REPAIR, "nudged the other partner");
    this.nudges = nudges;
  }

  @Override
  protected Mono<Void> handle(RepairStepTaken event, EventEnvelope envelope) {
    return nudges.nudge(envelope, event.coupleId(), member -> !member.equals(event.partnerId()), NotificationType.REPAIR_ACTIVITY, NotificationKind.REPAIR_STEP);
  }
}
