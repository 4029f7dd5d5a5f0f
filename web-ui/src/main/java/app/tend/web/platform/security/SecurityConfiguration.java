package app.tend.web.platform.security;

import app.tend.web.platform.WebSettings;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sign-in through Keycloak (authorization code flow, confidential client). Realm roles from the ID
 * token become authorities, so views can be limited by role.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

  static final String REGISTRATION = "keycloak";

  /**
   * Spring Security's own observations off: with a registry present it times every filter of the
   * chain, each authentication and each authorization as observations of their own, so each request
   * made a dozen spans nobody reads beside its one http.server.requests span (which stays, with its
   * metrics and trace id). Without them checkin-service spent 6–7 % less CPU per request
   * (docs/performance.md).
   */
  @Bean
  SecurityObservationSettings noSecurityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, LogoutSuccessHandler keycloakLogout, ClientRegistrationRepository registrations)
      throws Exception {
    http.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health/**", "/actuator/prometheus", "/styles/**", "/icons/**").permitAll());
    http.oauth2Login(login -> login.authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(withLoginHint(registrations))));
    return http.with(
            VaadinSecurityConfigurer.vaadin(),
            vaadin -> vaadin.oauth2LoginPage("/oauth2/authorization/" + REGISTRATION).logoutSuccessHandler(keycloakLogout))
        .build();
  }

  /**
   * Passes {@code ?login_hint=} on to Keycloak, so someone who has just joined finds their e-mail
   * address already filled in on the sign-in page.
   */
  private static OAuth2AuthorizationRequestResolver withLoginHint(ClientRegistrationRepository registrations) {
    var resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
    resolver.setAuthorizationRequestCustomizer(request -> {
      var attributes = RequestContextHolder.getRequestAttributes();
      if (attributes instanceof ServletRequestAttributes servlet) {
        String hint = servlet.getRequest().getParameter("login_hint");
        if (hint != null && hint.length() <= 320) {
          request.additionalParameters(parameters -> parameters.put("login_hint", hint));
        }
      }
    });
    return resolver;
  }

  /** Roles the realm puts into the ID token, as {@code ROLE_partner} and so on. */
  @Bean
  GrantedAuthoritiesMapper realmRoles() {
    return authorities -> {
      Set<GrantedAuthority> mapped = new HashSet<>(authorities);
      for (GrantedAuthority authority : authorities) {
        if (authority instanceof OidcUserAuthority oidc) {
          mapped.addAll(roles(oidc.getIdToken().getClaims()));
        }
      }
      return mapped;
    };
  }

  private static Collection<GrantedAuthority> roles(Map<String, Object> claims) {
    if (claims.get("realm_access") instanceof Map<?, ?> access && access.get("roles") instanceof List<?> roles) {
      return roles.stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }
    return List.of();
  }

  /**
   * Tokens for calls to the gateway, refreshed when they expire. Works outside a request too, which
   * the live feed's background connection needs.
   */
  @Bean
  OAuth2AuthorizedClientManager authorizedClientManager(
      ClientRegistrationRepository registrations, OAuth2AuthorizedClientService clients) {
    var manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, clients);
    manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().authorizationCode().refreshToken().build());
    return manager;
  }

  /** Signing out of Tend signs out of Keycloak too, then comes back to Tend's front page. */
  @Bean
  LogoutSuccessHandler keycloakLogout(WebSettings settings) {
    return (request, response, authentication) -> {
      String back = UriComponentsBuilder.fromUriString(request.getRequestURL().toString()).replacePath("/").replaceQuery(null).build().toUriString();
      var logout = UriComponentsBuilder.fromUriString(settings.keycloakPublicUrl() + "/realms/tend/protocol/openid-connect/logout")
          .queryParam("post_logout_redirect_uri", URLEncoder.encode(back, StandardCharsets.UTF_8));
      if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
        logout.queryParam("id_token_hint", user.getIdToken().getTokenValue());
      }
      response.sendRedirect(logout.build(true).toUriString());
    };
  }
}
