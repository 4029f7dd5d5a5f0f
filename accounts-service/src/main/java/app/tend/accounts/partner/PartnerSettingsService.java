package app.tend.accounts.partner;

import app.tend.accounts.identity.Logins;
import app.tend.accounts.identity.PersonDetails;
import app.tend.accounts.partner.PartnerAccounts.Me;
import app.tend.contracts.accounts.ConsentChanged;
import app.tend.contracts.accounts.PreferencesChanged;
import app.tend.contracts.notification.NotificationType;
import app.tend.platform.outbox.Outbox;
import app.tend.platform.outbox.Transactions;
import app.tend.platform.security.Caller;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A partner's own settings and consent. Only the partner reads and changes them; each change is
 * told to the other services in the same transaction (outbox), so it takes effect everywhere.
 */
@Service
public class PartnerSettingsService {

  private final PartnerAccounts accounts;
  private final Logins logins;
  private final Outbox outbox;
  private final Transactions transactions;

  PartnerSettingsService(PartnerAccounts accounts, Logins logins, Outbox outbox, Transactions transactions) {
    this.accounts = accounts;
    this.logins = logins;
    this.outbox = outbox;
    this.transactions = transactions;
  }

  public Mono<PartnerSettings> get(Caller caller) {
    return partner(caller).flatMap(accounts::settings);
  }

  /**
   * Changes profile, day and notification choices. A new name goes to Keycloak first (it may not
   * answer: then nothing changes); if storing then fails, the old name goes back.
   */
  public Mono<PartnerSettings> change(Caller caller, ChangeSettingsRequest request) {
    return partner(caller)
        .flatMap(me -> Mono.fromRunnable(() -> validate(request)).then(accounts.settings(me)).flatMap(before -> {
          String first = request.firstName().strip();
          String last = request.lastName().strip();
          boolean renamed = !first.equals(before.firstName()) || !last.equals(before.lastName());
          Set<NotificationType> muted = request.mutedNotifications() == null || request.mutedNotifications().isEmpty()
              ? Set.of() : EnumSet.copyOf(request.mutedNotifications());
          Mono<Void> store = transactions.run(() -> accounts.changeSettings(me, first, last, request.day(), muted)
                  .then(outbox.append(new PreferencesChanged(me.coupleId(), me.clinicId(), me.id(), request.timeZone(),
                      request.reminderTime(), request.quietHoursStart(), request.quietHoursEnd(), muted), me.clinicId(), me.coupleId())))
              .then();
          if (!renamed) {
            return store;
          }
          return logins.rename(me.id(), first, last)
              .then(store.onErrorResume(e -> logins.rename(me.id(), before.firstName(), before.lastName()).then(Mono.error(e))));
        }).then(accounts.settings(me)));
  }

  /** Changes what the clinician may see; every service holding it applies the change on the event. */
  public Mono<PartnerSettings> changeConsent(Caller caller, ChangeConsentRequest request) {
    return partner(caller).flatMap(me -> {
      if (request == null || request.reflectionsVisibleToClinician() == null) {
        PersonDetails.refuseUnless(List.of("whether your clinician may read your private reflections"));
      }
      boolean visible = request.reflectionsVisibleToClinician();
      return transactions.run(() -> accounts.changeConsent(me, visible)
              .then(outbox.append(new ConsentChanged(me.coupleId(), me.clinicId(), me.id(), visible), me.clinicId(), me.coupleId())))
          .then(accounts.settings(me));
    });
  }

  /** Everything accounts-service holds about the caller, for their download of all their data. */
  public Mono<PartnerAccountExport> export(Caller caller) {
    return partner(caller).flatMap(me -> accounts.settings(me).zipWith(accounts.account(me),
        (settings, account) -> new PartnerAccountExport(settings, account.coupleId(), account.clinicName(), account.invitedAt(), account.joinedAt())));
  }

  /** The caller's clinic and its crisis contacts, for the support shown on the partner's own pages. */
  public Mono<PartnerSupport> support(Caller caller) {
    return partner(caller).flatMap(me -> accounts.support(me.clinicId()));
  }

  /** Who the caller is as a partner: their own row, in their own clinic; anyone else finds nothing. */
  private Mono<Me> partner(Caller caller) {
    return caller.clinicAs(Caller.PARTNER).flatMap(clinicId -> accounts.find(caller.subject(), clinicId)
        .switchIfEmpty(Mono.error(Caller::nothingHere)));
  }


  private static void validate(ChangeSettingsRequest request) {
    if (request == null) {
      PersonDetails.refuseUnless(List.of("the settings are missing"));
    }
    List<String> problems = new ArrayList<>(PersonDetails.nameProblems(request.firstName(), request.lastName(), "your"));
    problems.addAll(request.day().problems());
    PersonDetails.refuseUnless(problems);
  }
}
