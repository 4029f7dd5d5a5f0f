package app.tend.notifications.digest;

import app.tend.contracts.Topics;
import app.tend.contracts.repair.RepairBroughtToSession;
import org.springframework.stereotype.Component;

/** A repair a partner brought to their next session, for the clinician's digest. */
@Component
class RepairBroughtToSessionHandler extends DigestEventHandler<RepairBroughtToSession> {

  RepairBroughtToSessionHandler(Digests digests) {
    super(RepairBroughtToSession.class, Topics.CHECKIN_REPAIR, DigestReason.REPAIR_BROUGHT_TO_SESSION, RepairBroughtToSession::coupleId, digests);
  }
}
