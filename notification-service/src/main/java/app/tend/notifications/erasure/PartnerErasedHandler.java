package app.tend.notifications.erasure;

import app.tend.contracts.EventEnvelope;
import app.tend.contracts.Topics;
import app.tend.contracts.accounts.PartnerErased;
import app.tend.notifications.couple.CoupleProjection;
import app.tend.notifications.email.EmailPreferences;
import app.tend.notifications.feed.Feed;
import app.tend.notifications.feed.NotificationKind;
import app.tend.notifications.reminder.Reminders;
import app.tend.platform.inbox.EventHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A partner left: their notifications, reminders, e-mail choices and their place in the couple go,
 * and the couple's clinician is told that someone left (not who said what, nor why).
 */
@Component
class PartnerErasedHandler extends EventHandler<PartnerErased> {

  private final CoupleProjection couples;
  private final Feed feed;
  private final Reminders reminders;
  private final EmailPreferences emailPreferences;

  PartnerErasedHandler(CoupleProjection couples, Feed feed, Reminders reminders, EmailPreferences emailPreferences) {
    super(PartnerErased.class, Topics.ACCOUNTS_COUPLE, "erased the partner and told the clinician");
    this.couples = couples;
    this.feed = feed;
    this.reminders = reminders;
    this.emailPreferences = emailPreferences;
  }

  @Override
  protected Mono<Void> handle(PartnerErased erased, EventEnvelope envelope) {
    Mono<Void> tellClinician = couples.clinicianOf(erased.coupleId(), erased.clinicId())
        .flatMap(clinician -> feed.create(clinician, erased.clinicId(), NotificationKind.PARTNER_LEFT, envelope.eventId()))
        .then();
    return feed.eraseAllOf(erased.partnerId())
        .then(reminders.erase(erased.partnerId()))
        .then(emailPreferences.eraseAllOf(erased.partnerId()))
        .then(couples.forget(erased.partnerId(), erased.clinicId()))
        .then(tellClinician);
  }
}
