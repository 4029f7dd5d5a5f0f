package app.tend.gateway.security;

import app.tend.contracts.TendHeaders;
import app.tend.gateway.routing.Problems;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * The gateway validates every token before routing (signature, issuer, expiry, audience), so a
 * forged or expired token never reaches a service; the services validate again.
 */
@Configuration
@EnableWebFluxSecurity
class SecurityConfiguration {

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
  SecurityWebFilterChain securityFilterChain(ServerHttpSecurity http, Problems problems, EdgeSettings edge,
      ReactiveJwtDecoder realmTokens) {
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .cors(cors -> cors.configurationSource(corsFrom(edge)))
        // An API answers data, never pages: nothing in it may be framed, sniffed, cached or refer onwards.
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.NO_REFERRER))
            .hsts(hsts -> hsts.maxAge(Duration.ofDays(365)).includeSubdomains(true))
            .permissionsPolicy(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")))
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        // Each request brings its token, so nothing is kept between requests: by default the security
        // context and the request cache each asked for a session, and WebFlux made an in-memory one per
        // request, off the event loop and back on another thread (docs/performance.md).
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
        .authorizeExchange(
            exchanges ->
                exchanges
                    .pathMatchers(HttpMethod.GET, "/actuator/health/**", "/actuator/prometheus", "/api/*/openapi", "/api/*/openapi/**")
                    .permitAll()
                    // Opening and accepting an invitation: the link is the credential of someone without a login yet.
                    .pathMatchers(HttpMethod.GET, "/api/accounts/invitations/*")
                    .permitAll()
                    .pathMatchers(HttpMethod.POST, "/api/accounts/invitations/*/acceptance")
                    .permitAll()
                    // An e-mail's unsubscribe link: the signed token is the credential, so it works from any inbox.
                    .pathMatchers(HttpMethod.GET, "/api/notifications/unsubscribe/*")
                    .permitAll()
                    .pathMatchers(HttpMethod.POST, "/api/notifications/unsubscribe/*")
                    .permitAll()
                    .anyExchange()
                    .authenticated())
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .jwt(jwt -> jwt.jwtDecoder(edge.verifiedTokensKept() == 0 ? realmTokens
                        : new VerifiedTokens(realmTokens, edge.verifiedTokensKept(), Clock.systemUTC())))
                    .authenticationEntryPoint(
                        (exchange, e) -> problems.write(exchange, HttpStatus.UNAUTHORIZED, "Sign-in needed",
                            "Your sign-in is missing or has expired. Please sign in again.")))
        .build();
  }

  /**
   * A request Spring Security's firewall refuses before any of the above (an encoded slash or a
   * "../" in its path, say) gets a problem document like every other refusal, not an empty 400.
   */
  @Bean
  ServerExchangeRejectedHandler rejectedRequests(Problems problems) {
    return (exchange, e) -> problems.write(exchange, HttpStatus.BAD_REQUEST, "Not a valid address",
        "This address cannot be right. Please check it and try again.");
  }

  /** Cross-origin calls only from the configured origins; with none configured, none at all. */
  private static CorsConfigurationSource corsFrom(EdgeSettings edge) {
    var source = new UrlBasedCorsConfigurationSource();
    if (!edge.allowedOrigins().isEmpty()) {
      var cors = new CorsConfiguration();
      cors.setAllowedOrigins(edge.allowedOrigins());
      cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
      cors.setAllowedHeaders(List.of("Authorization", "Content-Type", TendHeaders.REQUEST_ID));
      cors.setExposedHeaders(List.of(TendHeaders.REQUEST_ID, "Retry-After"));
      cors.setMaxAge(Duration.ofHours(1));
      source.registerCorsConfiguration("/api/**", cors);
    }
    return source;
  }
}
