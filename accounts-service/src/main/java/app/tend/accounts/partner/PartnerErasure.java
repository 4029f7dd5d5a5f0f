package app.tend.accounts.partner;

import app.tend.accounts.identity.PendingLoginChanges.Action;
import app.tend.accounts.identity.PendingLoginChanges;
import app.tend.contracts.accounts.PartnerErased;
import app.tend.platform.outbox.Outbox;
import app.tend.platform.outbox.Transactions;
import app.tend.platform.security.Caller;
import app.tend.platform.web.InvalidRequestException;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Erases a partner's account: here, their partner row and the name and address on their
 * invitations go, and {@code PartnerErased} tells the other services to remove theirs; their
 * login goes from Keycloak. The partner's partner keeps everything that is their own.
 *
 * <p>The database change, the event and a note that the login must go are one transaction. The
 * login is removed right after; if Keycloak does not answer, {@link PendingLoginChanges} keeps
 * trying, so a login never outlives its erasure for long.
 */
@Service
public class PartnerErasure {

  private final PartnerAccounts accounts;
  private final PendingLoginChanges loginChanges;
  private final Outbox outbox;
  private final Transactions transactions;

  PartnerErasure(PartnerAccounts accounts, PendingLoginChanges loginChanges, Outbox outbox, Transactions transactions) {
    this.accounts = accounts;
    this.loginChanges = loginChanges;
    this.outbox = outbox;
    this.transactions = transactions;
  }

  /** The partner's own choice, confirmed: nobody else can erase them. */
  public Mono<Void> erase(Caller caller, EraseAccountRequest request) {
    return caller.clinicAs(Caller.PARTNER).flatMap(clinicId -> request == null || !Boolean.TRUE.equals(request.confirmed())
        ? Mono.error(new InvalidRequestException("Please check: that you understand erasing cannot be undone."))
        : erase(caller.subject(), clinicId));
  }

  private Mono<Void> erase(UUID partnerId, UUID clinicId) {
    return transactions.run(() -> accounts.erase(partnerId, clinicId)
            .switchIfEmpty(Mono.error(Caller::nothingHere))
            .flatMap(coupleId -> loginChanges.note(partnerId, Action.DELETE)
                // Their earlier events (time zone, reminder, consent) go; the erasure itself must still go out.
                .then(outbox.forgetEventsAbout(partnerId))
                .then(outbox.append(new PartnerErased(coupleId, clinicId, partnerId), clinicId, coupleId))))
        .then(loginChanges.tryNow(partnerId, Action.DELETE));
  }
}
