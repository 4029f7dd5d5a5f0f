package app.tend.checkins.couple;

import app.tend.contracts.EventEnvelope;
import app.tend.contracts.Topics;
import app.tend.contracts.accounts.ConsentChanged;
import app.tend.platform.inbox.EventHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Whether the clinician may read a partner's reflections, as the partner chose. */
@Component
class ConsentChangedHandler extends EventHandler<ConsentChanged> {

  private final CoupleProjection couples;

  ConsentChangedHandler(CoupleProjection couples) {
    super(ConsentChanged.class, Topics.ACCOUNTS_COUPLE, "kept the partner's consent");
    this.couples = couples;
  }

  @Override
  protected Mono<Void> handle(ConsentChanged event, EventEnvelope envelope) {
    return couples.consentChanged(event.partnerId(), event.clinicId(), event.reflectionsVisibleToClinician());
  }
}
