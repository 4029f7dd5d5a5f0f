package app.tend.checkins.couple;

import app.tend.contracts.EventEnvelope;
import app.tend.contracts.Topics;
import app.tend.contracts.accounts.CoupleEnrolled;
import app.tend.platform.inbox.EventHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A couple enrolled: this service knows them, and their clinician, from now on. */
@Component
class CoupleEnrolledHandler extends EventHandler<CoupleEnrolled> {

  private final CoupleProjection couples;

  CoupleEnrolledHandler(CoupleProjection couples) {
    super(CoupleEnrolled.class, Topics.ACCOUNTS_COUPLE, "knows the couple and their clinician");
    this.couples = couples;
  }

  @Override
  protected Mono<Void> handle(CoupleEnrolled event, EventEnvelope envelope) {
    return couples.enrolled(event.coupleId(), event.clinicId(), event.clinicianId());
  }
}
