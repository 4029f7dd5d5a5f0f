package app.tend.notifications.feed;

import app.tend.contracts.EventEnvelope;
import app.tend.contracts.Topics;
import app.tend.contracts.checkin.CheckinRevised;
import app.tend.platform.inbox.EventHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A partner changed today's check-in: news to the other one only when it brings an appreciation. */
@Component
class CheckinRevisedHandler extends EventHandler<CheckinRevised> {

  private final PartnerNudges nudges;

  CheckinRevisedHandler(PartnerNudges nudges) {
    super(CheckinRevised.class, Topics.CHECKIN_CHECKIN, "told the other partner of an appreciation");
    this.nudges = nudges;
  }

  @Override
  protected boolean concerns(CheckinRevised revised) {
    return revised.appreciationAdded();
  }

  @Override
  protected Mono<Void> handle(CheckinRevised revised, EventEnvelope envelope) {
    return nudges.tellOtherPartner(envelope, revised.coupleId(), revised.partnerId(), true, false);
  }
}
