package app.tend.accounts.platform.identity;

import app.tend.accounts.platform.web.ConflictException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
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
    return Mono.fromCallable(() -> createBlocking(login)).subscribeOn(Schedulers.boundedElastic());
  }

  /** Removes a login, e.g. one created for an enrolment that then failed. */
  public Mono<Void> delete(UUID id) {
    return Mono.fromRunnable(() -> {
          try (Response ignored = keycloak.realm(realm).users().delete(id.toString())) {
            // the status does not matter: a login that is already gone is what we wanted
          }
        })
        .subscribeOn(Schedulers.boundedElastic())
        .then();
  }

  private UUID createBlocking(NewLogin login) {
    var user = new UserRepresentation();
    user.setUsername(login.email());
    user.setEmail(login.email());
    user.setEmailVerified(true);
    user.setFirstName(login.firstName());
    user.setLastName(login.lastName());
    user.setEnabled(true);
    user.setAttributes(Map.of("clinic_id", List.of(login.clinicId().toString())));
    var users = keycloak.realm(realm).users();
    UUID id;
    try (Response response = users.create(user)) {
      if (response.getStatus() == 409) {
        throw new LoginExistsException();
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

  @Override
  public void destroy() {
    keycloak.close();
  }

  /** The e-mail address already belongs to a login. */
  public static final class LoginExistsException extends ConflictException {
    LoginExistsException() {
      super("That e-mail address already has a Tend login. Each person needs an address of their own.");
    }
  }
}
