package app.tend.web.platform.security;

import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Signs in a person who has just joined with the password they chose on the same page, so they
 * land in Tend instead of being asked for it again at once. The password goes from the invitation
 * page to accounts-service (which creates the login) and here straight to Keycloak's token endpoint
 * (the web client's direct grant), and nowhere else; it is not kept. The resulting session is exactly what the normal sign-in produces (an OIDC user with realm roles, and
 * an authorized client whose refresh token keeps it alive).
 */
@Component
public class FirstSignIn {

  private static final Logger log = LoggerFactory.getLogger(FirstSignIn.class);

  private final ClientRegistration registration;
  private final OAuth2AuthorizedClientService clients;
  private final GrantedAuthoritiesMapper roles;
  private final RestClient rest = RestClient.create();
  private final OidcIdTokenDecoderFactory idTokens = new OidcIdTokenDecoderFactory();
  private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

  FirstSignIn(ClientRegistrationRepository registrations, OAuth2AuthorizedClientService clients, GrantedAuthoritiesMapper roles) {
    this.registration = registrations.findByRegistrationId(SecurityConfiguration.REGISTRATION);
    this.clients = clients;
    this.roles = roles;
  }

  private record TokenResponse(String access_token, String refresh_token, String id_token, long expires_in) {}

  /**
   * Signs {@code email} in for the browser of the current Vaadin request.
   *
   * @return false when it could not (the person then signs in on Keycloak's page as usual)
   */
  public boolean signIn(String email, String password) {
    try {
      var form = new LinkedMultiValueMap<String, String>();
      form.add("grant_type", "password");
      form.add("client_id", registration.getClientId());
      form.add("client_secret", registration.getClientSecret());
      form.add("username", email);
      form.add("password", password);
      form.add("scope", String.join(" ", registration.getScopes()));
      var tokens = rest.post().uri(registration.getProviderDetails().getTokenUri())
          .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve().body(TokenResponse.class);
      var jwt = idTokens.createDecoder(registration).decode(tokens.id_token());
      var idToken = new OidcIdToken(jwt.getTokenValue(), jwt.getIssuedAt(), jwt.getExpiresAt(), jwt.getClaims());
      Set<GrantedAuthority> authorities = new HashSet<>(roles.mapAuthorities(Set.of(new OidcUserAuthority(idToken))));
      var user = new DefaultOidcUser(authorities, idToken, "sub");
      var authentication = new OAuth2AuthenticationToken(user, authorities, registration.getRegistrationId());
      Instant now = Instant.now();
      clients.saveAuthorizedClient(new OAuth2AuthorizedClient(registration, user.getName(),
          new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, tokens.access_token(), now, now.plusSeconds(tokens.expires_in())),
          tokens.refresh_token() == null ? null : new OAuth2RefreshToken(tokens.refresh_token(), now)), authentication);

      var request = VaadinServletRequest.getCurrent().getHttpServletRequest();
      var response = VaadinServletResponse.getCurrent().getHttpServletResponse();
      // A new session id for a new identity, as after any sign-in (session fixation).
      request.changeSessionId();
      var context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(authentication);
      SecurityContextHolder.setContext(context);
      sessions.saveContext(context, request, response);
      return true;
    } catch (RuntimeException e) {
      log.warn("signing in a person who just joined failed ({}); they will sign in on Keycloak's page", e.getClass().getName());
      return false;
    }
  }
}
