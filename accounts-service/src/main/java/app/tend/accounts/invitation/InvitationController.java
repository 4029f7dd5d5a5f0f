package app.tend.accounts.invitation;

import app.tend.platform.security.CurrentCaller;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Invitations: opened and accepted by whoever holds the link (no sign-in, the token is the
 * credential), renewed by the couple's clinic.
 */
@RestController
@RequestMapping("/api/accounts/invitations")
class InvitationController {

  private final InvitationService invitations;

  InvitationController(InvitationService invitations) {
    this.invitations = invitations;
  }

  /** What the invitation page shows; 404 for a link that was never issued. */
  @GetMapping("/{token}")
  Mono<InvitationPreview> open(@PathVariable String token) {
    return invitations.preview(token);
  }

  /** Joins with the link: creates the login; repeating it after success answers the same. */
  @PostMapping("/{token}/acceptance")
  Mono<JoinedPartner> accept(@PathVariable String token, @RequestBody AcceptInvitationRequest request) {
    return invitations.accept(token, request);
  }

  /** Sends the person a new link; the old one stops working. */
  @PostMapping("/{id}/renewal")
  Mono<Invitee> renew(@PathVariable UUID id) {
    return CurrentCaller.get().flatMap(caller -> invitations.renew(caller, id));
  }
}
