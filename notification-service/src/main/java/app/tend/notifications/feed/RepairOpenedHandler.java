package app.tend.notifications.feed;

import app.tend.contracts.EventEnvelope;
import app.tend.contracts.Topics;
import app.tend.contracts.notification.NotificationType;
import app.tend.contracts.repair.RepairOpened;
import app.tend.platform.inbox.EventHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A partner opened a repair: the other one is nudged to take the next step. */
@Component
class RepairOpenedHandler extends EventHandler<RepairOpened> {

  private final PartnerNudges nudges;

  RepairOpenedHandler(PartnerNudges nudges) {
    super(RepairOpened.class, Topics.CHECKIN_REPAIR, "nudged the other partner");
    this.nudges = nudges;
  }

  @Override
  protected Mono<Void> handle(RepairOpened event, EventEnvelope envelope) {
    return nudges.nudge(envelope, event.coupleId(), member -> !member.equals(event.openedBy()), NotificationType.REPAIR_ACTIVITY, NotificationKind.REPAIR_OPENED);
  }
}
