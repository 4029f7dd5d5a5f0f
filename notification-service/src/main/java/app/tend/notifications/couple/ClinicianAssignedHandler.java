package app.tend.notifications.couple;

import app.tend.contracts.EventEnvelope;
import app.tend.contracts.Topics;
import app.tend.contracts.accounts.ClinicianAssigned;
import app.tend.platform.inbox.EventHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A couple has another clinician: alerts and digests go to them from now on. */
@Component
class ClinicianAssignedHandler extends EventHandler<ClinicianAssigned> {

  private final CoupleProjection couples;

  ClinicianAssignedHandler(CoupleProjection couples) {
    super(ClinicianAssigned.class, Topics.ACCOUNTS_COUPLE, "knows the couple's new clinician");
    this.couples = couples;
  }

  @Override
  protected Mono<Void> handle(ClinicianAssigned event, EventEnvelope envelope) {
    return couples.clinicianOf(event.coupleId(), event.clinicId(), event.clinicianId());
  }
}
