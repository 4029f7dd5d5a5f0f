package app.tend.accounts.identity;

import app.tend.platform.web.ConflictException;
import app.tend.platform.web.InvalidRequestException;
import app.tend.platform.web.UnavailableException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.ServerErrorException;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.spi.ResteasyClientClassicProvider;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Logins in Keycloak, through its admin client library. The library blocks, so every call runs on
 * the bounded elastic scheduler, never on a request thread.
 */
@Component
public class Logins implements DisposableBean {

  /** The invitation a partner's login was made for, so a repeated acceptance finds it. */
  static final String INVITATION_ATTRIBUTE = "tend_invitation";

  private final Keycloak keycloak;
  private final String realm;

  Logins(KeycloakSettings settings) {
    this.keycloak =
        KeycloakBuilder.builder()
            .serverUrl(settings.serverUrl())
            .realm(settings.realm())
            .grantType("client_credentials")
            .clientId(settings.clientId())
            .clientSecret(settings.clientSecret())
            // Without timeouts a Keycloak that hangs would hang the person joining with it.
            .resteasyClient(ResteasyClientClassicProvider.createClientBuilder()
                .connectTimeout(3, TimeUnit.SECONDS)
                .readTimeout(10, TimeUnit.SECONDS)
                .register(JacksonProvider.class, 100)
                .build())
            .build();
    this.realm = settings.realm();
  }

  /** A person's login as Tend asks Keycloak to create it. */
  public record NewLogin(String email, String firstName, String lastName, UUID clinicId, String role) {}

  /**
   * Creates a login with one Tend role and its clinic, without a password: the person sets it when
   * they accept their invitation.
   *
   * @return the login's id, which is the {@code sub} of its tokens
   * @throws LoginExistsException (in the Mono) when the e-mail address already has a login
   */
  public Mono<UUID> create(NewLogin login) {
    return blocking(() -> createBlocking(login, null, null));
  }

  /**
   * Creates the login of a partner accepting {@code invitationId}, with the password they chose.
   * Safe to repeat: when an earlier attempt for the same invitation created the login but did not
   * get to record it (a crash, a lost reply), that login is taken over and given this password.
   *
   * @throws LoginExistsException (in the Mono) when the address belongs to somebody else's login
   */
  public Mono<UUID> createForInvitation(NewLogin login, String password, UUID invitationId) {
    return blocking(() -> createBlocking(login, password, invitationId));
  }

  /** Changes the name on a login, which Keycloak shows and puts in tokens. */
  public Mono<Void> rename(UUID id, String firstName, String lastName) {
    return update(id, user -> {
      user.setFirstName(firstName);
      user.setLastName(lastName);
    });
  }

  /**
   * Asks Keycloak to e-mail the person a link where they choose their password (Keycloak's own
   * "update password" action), valid for a week; afterwards they are sent on to {@code returnTo}.
   */
  public Mono<Void> sendSetPasswordEmail(UUID id, String webClientId, String returnTo) {
    return blocking(() -> {
          keycloak.realm(realm).users().get(id.toString())
              .executeActionsEmail(webClientId, returnTo, (int) java.time.Duration.ofDays(7).toSeconds(), List.of("UPDATE_PASSWORD"));
          return true;
        })
        .then();
  }

  /** Lets a login sign in, or stops it from signing in (and so from getting new tokens). */
  public Mono<Void> setEnabled(UUID id, boolean enabled) {
    return update(id, user -> user.setEnabled(enabled));
  }

  private Mono<Void> update(UUID id, java.util.function.Consumer<UserRepresentation> change) {
    return blocking(() -> {
          var user = keycloak.realm(realm).users().get(id.toString());
          var representation = user.toRepresentation();
          change.accept(representation);
          user.update(representation);
          return true;
        })
        .then();
  }

  /** Removes a login, e.g. one created for an enrolment that then failed. */
  public Mono<Void> delete(UUID id) {
    return blocking(() -> {
          try (Response ignored = keycloak.realm(realm).users().delete(id.toString())) {
            // the status does not matter: a login that is already gone is what we wanted
          }
          return true;
        })
        .then();
  }

  /** Runs a blocking admin call off the request threads; Keycloak not answering becomes a retryable 503. */
  private static <T> Mono<T> blocking(java.util.concurrent.Callable<T> call) {
    return Mono.fromCallable(call)
        .subscribeOn(Schedulers.boundedElastic())
        .onErrorMap(e -> e instanceof ProcessingException || e instanceof ServerErrorException, LoginsUnavailableException::new);
  }

  private UUID createBlocking(NewLogin login, String password, UUID invitationId) {
    var user = new UserRepresentation();
    user.setUsername(login.email());
    user.setEmail(login.email());
    user.setEmailVerified(true);
    user.setFirstName(login.firstName());
    user.setLastName(login.lastName());
    user.setEnabled(true);
    Map<String, List<String>> attributes = new HashMap<>();
    attributes.put("clinic_id", List.of(login.clinicId().toString()));
    if (invitationId != null) {
      attributes.put(INVITATION_ATTRIBUTE, List.of(invitationId.toString()));
    }
    user.setAttributes(attributes);
    if (password != null) {
      user.setCredentials(List.of(passwordCredential(password)));
    }
    var users = keycloak.realm(realm).users();
    UUID id;
    try (Response response = users.create(user)) {
      if (response.getStatus() == 409) {
        return takeOverEarlierAttempt(login.email(), password, invitationId);
      }
      if (response.getStatus() == 400) {
        // Keycloak's own password policy said no; its message names the rule, never the password.
        throw new InvalidRequestException("Please choose another password: " + response.readEntity(String.class).replaceAll("[{}\"]", " ").strip());
      }
      id = UUID.fromString(CreatedResponseUtil.getCreatedId(response));
    }
    try {
      var role = keycloak.realm(realm).roles().get(login.role()).toRepresentation();
      users.get(id.toString()).roles().realmLevel().add(List.of(role));
    } catch (RuntimeException e) {
      // A login without its role would be a person who cannot use Tend: better no login at all.
      try (Response ignored = users.delete(id.toString())) {
        throw e;
      }
    }
    return id;
  }

  private UUID takeOverEarlierAttempt(String email, String password, UUID invitationId) {
    if (invitationId == null) {
      throw new LoginExistsException();
    }
    var users = keycloak.realm(realm).users();
    var earlier = users.searchByEmail(email, true).stream()
        .filter(user -> user.getAttributes() != null
            && List.of(invitationId.toString()).equals(user.getAttributes().get(INVITATION_ATTRIBUTE)))
        .findFirst()
        .orElseThrow(LoginExistsException::new);
    users.get(earlier.getId()).resetPassword(passwordCredential(password));
    return UUID.fromString(earlier.getId());
  }

  private static CredentialRepresentation passwordCredential(String password) {
    var credential = new CredentialRepresentation();
    credential.setType(CredentialRepresentation.PASSWORD);
    credential.setValue(password);
    credential.setTemporary(false);
    return credential;
  }

  @Override
  public void destroy() {
    keycloak.close();
  }

  /** Keycloak did not answer; nothing was created, and trying again later is the remedy. */
  public static final class LoginsUnavailableException extends UnavailableException {
    LoginsUnavailableException(Throwable cause) {
      super("We could not reach the sign-in service just now, so nothing was saved. Please try again in a minute.", cause);
    }
  }

  /** The e-mail address already belongs to a login. */
  public static final class LoginExistsException extends ConflictException {
    LoginExistsException() {
      super("That e-mail address already has a Tend login. Each person needs an address of their own.");
    }
  }
}
