package app.tend.notifications.reminder;

import app.tend.contracts.EventEnvelope;
import app.tend.contracts.Topics;
import app.tend.contracts.accounts.PreferencesChanged;
import app.tend.notifications.couple.CoupleProjection;
import app.tend.platform.inbox.EventHandler;
import java.time.Instant;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A partner changed their zone, reminder time, quiet hours or what they want to hear of: a new
 * time applies from the next reminder on, not after the old one.
 */
@Component
class PreferencesChangedHandler extends EventHandler<PreferencesChanged> {

  private final CoupleProjection couples;
  private final Reminders reminders;

  PreferencesChangedHandler(CoupleProjection couples, Reminders reminders) {
    super(PreferencesChanged.class, Topics.ACCOUNTS_COUPLE, "kept the partner's preferences");
    this.couples = couples;
    this.reminders = reminders;
  }

  @Override
  protected Mono<Void> handle(PreferencesChanged changed, EventEnvelope envelope) {
    return couples.preferencesChanged(changed).then(reminders.reschedule(changed.partnerId(), Instant.now()));
  }
}
