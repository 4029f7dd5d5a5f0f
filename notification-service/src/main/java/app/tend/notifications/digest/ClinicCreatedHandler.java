package app.tend.notifications.digest;

import app.tend.contracts.EventEnvelope;
import app.tend.contracts.Topics;
import app.tend.contracts.accounts.ClinicCreated;
import app.tend.platform.inbox.EventHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Keeps each clinic's time zone, so that its clinicians' digests come in their morning. */
@Component
class ClinicCreatedHandler extends EventHandler<ClinicCreated> {

  private final Digests digests;

  ClinicCreatedHandler(Digests digests) {
    super(ClinicCreated.class, Topics.ACCOUNTS_CLINIC, "kept the clinic's time zone");
    this.digests = digests;
  }

  @Override
  protected Mono<Void> handle(ClinicCreated created, EventEnvelope envelope) {
    return digests.clinicTimeZone(created.clinicId(), created.timeZone());
  }
}
