package app.tend.notifications.digest;

import app.tend.contracts.Topics;
import app.tend.contracts.checkin.CheckinsMissed;
import org.springframework.stereotype.Component;

/** A run of days without check-ins, for the clinician's digest. */
@Component
class CheckinsMissedHandler extends DigestEventHandler<CheckinsMissed> {

  CheckinsMissedHandler(Digests digests) {
    super(CheckinsMissed.class, Topics.CHECKIN_CHECKIN, DigestReason.CHECKINS_MISSED, CheckinsMissed::coupleId, digests);
  }
}
