package app.tend.checkins.clinic;

import app.tend.contracts.EventEnvelope;
import app.tend.contracts.Topics;
import app.tend.contracts.accounts.ClinicSettingsChanged;
import app.tend.platform.inbox.EventHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps what each clinic decided that this service acts on: how often its couples are asked for a
 * measure, and when a trend drop or days without check-ins need the clinician.
 */
@Component
class ClinicSettingsChangedHandler extends EventHandler<ClinicSettingsChanged> {

  private final ClinicRules rules;

  ClinicSettingsChangedHandler(ClinicRules rules) {
    super(ClinicSettingsChanged.class, Topics.ACCOUNTS_CLINIC, "kept the clinic's settings");
    this.rules = rules;
  }

  @Override
  protected Mono<Void> handle(ClinicSettingsChanged changed, EventEnvelope envelope) {
    return rules.keep(changed);
  }
}
