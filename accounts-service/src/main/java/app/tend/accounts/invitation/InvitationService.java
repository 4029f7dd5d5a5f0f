package app.tend.accounts.invitation;

import app.tend.accounts.clinic.ClinicSettingsService;
import app.tend.accounts.identity.Logins.NewLogin;
import app.tend.accounts.identity.Logins;
import app.tend.accounts.identity.PersonDetails;
import app.tend.accounts.invitation.Invitations.FoundInvitation;
import app.tend.contracts.accounts.PartnerJoined;
import app.tend.platform.audit.AuditLog;
import app.tend.platform.outbox.Outbox;
import app.tend.platform.outbox.Transactions;
import app.tend.platform.security.Caller;
import app.tend.platform.web.ConflictException;
import app.tend.platform.web.GoneException;
import app.tend.platform.web.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Opening, accepting and renewing invitations. */
@Service
public class InvitationService {

  /** The consent text a partner accepts when joining; web-ui shows the words of this version. */
  public static final String CONSENT_VERSION = "2026-11-30";

  private static final int PASSWORD_MIN = 8;
  /** How long after joining a repeated acceptance still answers who joined: long enough for retries. */
  private static final Duration RETRY_WINDOW = Duration.ofMinutes(10);
  private static final int PASSWORD_MAX = 128;

  private final Invitations invitations;
  private final Logins logins;
  private final Outbox outbox;
  private final Transactions transactions;
  private final ClinicSettingsService clinicSettings;
  private final AuditLog audit;

  InvitationService(Invitations invitations, Logins logins, Outbox outbox, Transactions transactions,
      ClinicSettingsService clinicSettings, AuditLog audit) {
    this.clinicSettings = clinicSettings;
    this.audit = audit;
    this.invitations = invitations;
    this.logins = logins;
    this.outbox = outbox;
    this.transactions = transactions;
  }

  /** What the link's page shows; a link that was never issued is simply not found. */
  public Mono<InvitationPreview> preview(String token) {
    return find(token).flatMap(found -> switch (found.invitee().state()) {
      case OPEN -> clinicSettings.read(found.clinicId()).map(defaults -> new InvitationPreview(InvitationState.OPEN, found.clinicName(),
          found.invitedBy(), found.invitee().firstName(), found.invitee().lastName(), found.invitee().email(), found.invitee().timeZone(),
          found.invitee().expiresAt(), defaults.defaultReminderTime(), defaults.defaultQuietHoursStart(), defaults.defaultQuietHoursEnd()));
      // Whoever holds an old link learns only that it was used, not that its person left.
      case LEFT -> Mono.just(closed(InvitationState.ACCEPTED, found));
      default -> Mono.just(closed(found.invitee().state(), found));
    });
  }

  private static InvitationPreview closed(InvitationState state, FoundInvitation found) {
    return new InvitationPreview(state, found.clinicName(), null, null, null, null, null, found.invitee().expiresAt(), null, null, null);
  }

  /**
   * Joins: the login in Keycloak first (it may refuse the password, or not answer), then the
   * partner, the used invitation and {@code PartnerJoined} in one transaction. If that transaction
   * fails the login is removed again, so there is never a login without a partner or the reverse.
   * Accepting again soon after success (a retry after a lost reply) answers the same, without a
   * second login; later, an old link only says it was used and names nobody.
   */
  public Mono<JoinedPartner> accept(String token, AcceptInvitationRequest request) {
    return Mono.fromRunnable(() -> validate(request))
        .then(find(token))
        .flatMap(found -> switch (found.invitee().state()) {
          case ACCEPTED -> found.acceptedAt().isAfter(Instant.now().minus(RETRY_WINDOW))
              ? Mono.just(new JoinedPartner(found.invitee().partnerId(), found.invitee().email()))
              : Mono.error(used());
          case LEFT -> Mono.error(used());
          case REVOKED -> Mono.error(withdrawn());
          case EXPIRED -> Mono.error(expired());
          case OPEN -> join(found, request);
        });
  }

  private Mono<JoinedPartner> join(FoundInvitation found, AcceptInvitationRequest request) {
    var invitee = found.invitee();
    var login = new NewLogin(invitee.email(), request.firstName().strip(), request.lastName().strip(), found.clinicId(), Caller.PARTNER);
    return logins.createForInvitation(login, request.password(), invitee.invitationId())
        .flatMap(partnerId -> transactions.run(() -> record(found, partnerId, request))
            .onErrorResume(e -> logins.delete(partnerId).then(Mono.error(e))));
  }

  private Mono<JoinedPartner> record(FoundInvitation found, UUID partnerId, AcceptInvitationRequest request) {
    var invitee = found.invitee();
    return invitations.accept(invitee.invitationId(), partnerId)
        .flatMap(accepted -> accepted
            ? Mono.empty()
            // Withdrawn or expired between opening and accepting: the login made for it goes again.
            : Mono.error(new GoneException("This invitation no longer works",
                "This invitation was withdrawn or expired a moment ago. Please ask your clinic for a new one.")))
        .then(invitations.addPartner(partnerId, found, request, CONSENT_VERSION))
        .then(outbox.append(
            new PartnerJoined(found.coupleId(), found.clinicId(), partnerId, request.timeZone(), request.reminderTime(),
                request.quietHoursStart(), request.quietHoursEnd(), request.reflectionsVisibleToClinician()),
            found.clinicId(), found.coupleId()))
        .thenReturn(new JoinedPartner(partnerId, invitee.email()));
  }

  /**
   * Sends a person a new link: the old one stops working, the new one runs for the full time. A
   * clinician may renew invitations of their own couples, a clinic admin any of the clinic's.
   */
  public Mono<Invitee> renew(Caller caller, UUID invitationId) {
    return caller.clinicAs(Caller.CLINICIAN, Caller.CLINIC_ADMIN).flatMap(clinicId -> renew(caller, clinicId, invitationId));
  }

  private Mono<Invitee> renew(Caller caller, UUID clinicId, UUID invitationId) {
    return transactions.run(() -> invitations.forRenewal(invitationId, clinicId, caller.has(Caller.CLINIC_ADMIN), caller.subject())
        .switchIfEmpty(Mono.error(() -> new NotFoundException("There is no such invitation at your clinic.")))
        .flatMap(renewable -> {
          if (renewable.acceptedAt() != null) {
            return Mono.error(new ConflictException("This person has joined already; they sign in with their e-mail address."));
          }
          return invitations.revokeOpen(renewable.coupleId(), renewable.person().email())
              .then(invitations.issue(clinicId, renewable.coupleId(), caller.subject(), renewable.person(), renewable.timeZone()));
        }))
        .flatMap(newId -> invitations.one(clinicId, newId))
        // The answer names the person invited: a staff read of the couple, recorded first.
        .flatMap(invitee -> invitations.coupleOf(invitee.invitationId())
            .flatMap(coupleId -> audit.coupleDataRead(caller, caller.clinicId().orElseThrow(), "invitations.renew", coupleId))
            .thenReturn(invitee));
  }

  private Mono<FoundInvitation> find(String token) {
    if (token == null || token.length() > 100) {
      return Mono.error(notFound());
    }
    return invitations.byTokenHash(InvitationLinks.hash(token))
        .switchIfEmpty(Mono.error(() -> notFound()));
  }

  private static NotFoundException notFound() {
    return new NotFoundException("This invitation link is not one we know. Please check that the whole link was copied, or ask your clinic for a new one.");
  }

  private static GoneException used() {
    return new GoneException("This invitation has been used",
        "Someone has already joined with this link. If that was you, sign in with your e-mail address and password.");
  }

  private static GoneException expired() {
    return new GoneException("This invitation has expired",
        "Invitation links work for a limited time, and this one has run out. Please ask your clinic to send you a new one.");
  }

  private static GoneException withdrawn() {
    return new GoneException("This invitation was replaced",
        "Your clinic sent a newer invitation or withdrew this one. Please use the latest e-mail, or ask your clinic for a new one.");
  }

  private static void validate(AcceptInvitationRequest request) {
    List<String> problems = new ArrayList<>();
    if (request == null) {
      PersonDetails.refuseUnless(List.of("the answers are missing"));
    }
    problems.addAll(PersonDetails.nameProblems(request.firstName(), request.lastName(), "your"));
    if (request.password() == null || request.password().length() < PASSWORD_MIN || request.password().length() > PASSWORD_MAX) {
      problems.add("your password must be " + PASSWORD_MIN + " to " + PASSWORD_MAX + " characters");
    }
    problems.addAll(request.day().problems());
    if (!Boolean.TRUE.equals(request.consentAccepted())) {
      problems.add("that you have read and agree to what your clinician and your partner can see");
    }
    if (request.reflectionsVisibleToClinician() == null) {
      problems.add("whether your clinician may read your private reflections");
    }
    PersonDetails.refuseUnless(problems);
  }
}
