package app.tend.notifications.digest;

import app.tend.contracts.Topics;
import app.tend.contracts.checkin.TrendDropped;
import org.springframework.stereotype.Component;

/** A sharp drop in a partner's trend, for the clinician's digest. */
@Component
class TrendDroppedHandler extends DigestEventHandler<TrendDropped> {

  TrendDroppedHandler(Digests digests) {
    super(TrendDropped.class, Topics.CHECKIN_CHECKIN, DigestReason.TREND_DROPPED, TrendDropped::coupleId, digests);
  }
}
