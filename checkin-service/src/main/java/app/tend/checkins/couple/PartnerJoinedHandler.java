package app.tend.checkins.couple;

import app.tend.contracts.EventEnvelope;
import app.tend.contracts.Topics;
import app.tend.contracts.accounts.PartnerJoined;
import app.tend.platform.inbox.EventHandler;
import java.time.ZoneId;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A partner joined their couple: their time zone and consent, and since when they practise. */
@Component
class PartnerJoinedHandler extends EventHandler<PartnerJoined> {

  private final CoupleProjection couples;

  PartnerJoinedHandler(CoupleProjection couples) {
    super(PartnerJoined.class, Topics.ACCOUNTS_COUPLE, "knows the partner");
    this.couples = couples;
  }

  @Override
  protected Mono<Void> handle(PartnerJoined event, EventEnvelope envelope) {
    ZoneId.of(event.timeZone()); // refuses an unknown zone before writing
    return couples.joined(event.partnerId(), event.coupleId(), event.clinicId(), event.timeZone(),
        event.reflectionsVisibleToClinician(), envelope.occurredAt());
  }
}
