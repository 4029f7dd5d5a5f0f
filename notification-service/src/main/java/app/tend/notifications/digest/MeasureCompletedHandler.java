package app.tend.notifications.digest;

import app.tend.contracts.Topics;
import app.tend.contracts.measure.MeasureCompleted;
import org.springframework.stereotype.Component;

/** A measure below its cut-off, for the clinician's digest; one above it is not news there. */
@Component
class MeasureCompletedHandler extends DigestEventHandler<MeasureCompleted> {

  MeasureCompletedHandler(Digests digests) {
    super(MeasureCompleted.class, Topics.CHECKIN_MEASURE, DigestReason.MEASURE_BELOW_CUT_OFF, MeasureCompleted::coupleId, digests);
  }

  @Override
  protected boolean concerns(MeasureCompleted event) {
    return event.belowCutOff();
  }
}
