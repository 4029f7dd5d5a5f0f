package app.tend.checkins.erasure;

import app.tend.checkins.couple.CoupleProjection;
import app.tend.contracts.EventEnvelope;
import app.tend.contracts.Topics;
import app.tend.contracts.accounts.PartnerErased;
import app.tend.platform.inbox.EventHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A partner erased their account: everything they wrote here goes, and this service forgets them. */
@Component
class PartnerErasedHandler extends EventHandler<PartnerErased> {

  private final CoupleProjection couples;
  private final PartnerErasure erasure;

  PartnerErasedHandler(CoupleProjection couples, PartnerErasure erasure) {
    super(PartnerErased.class, Topics.ACCOUNTS_COUPLE, "erased the partner's practice");
    this.couples = couples;
    this.erasure = erasure;
  }

  @Override
  protected Mono<Void> handle(PartnerErased event, EventEnvelope envelope) {
    return erasure.eraseAllOf(event.partnerId()).then(couples.forget(event.partnerId(), event.clinicId()));
  }
}
