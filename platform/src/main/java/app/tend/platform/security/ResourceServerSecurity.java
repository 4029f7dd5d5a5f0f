package app.tend.platform.security;

import app.tend.platform.web.ProblemWriter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import reactor.core.publisher.Mono;

/**
 * Every request needs a valid Keycloak token except health, metrics and the paths a service names
 * in {@code tend.security.public-paths} (its API description, a link that is its own credential).
 * Roles come from the token's realm roles; which couple a caller may reach is decided in each
 * feature's service.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(PublicPaths.class)
public class ResourceServerSecurity {

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
  SecurityWebFilterChain securityFilterChain(ServerHttpSecurity http, ProblemWriter problems, PublicPaths publicPaths) {
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        // Each request brings its token, so nothing is kept between requests: by default the security
        // context and the request cache each asked for a session, and WebFlux made an in-memory one per
        // request, off the event loop and back on another thread (docs/performance.md).
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
        .authorizeExchange(exchanges -> {
          exchanges.pathMatchers(HttpMethod.GET, "/actuator/health/**", "/actuator/prometheus").permitAll();
          publicPaths.forEach((method, pattern) -> exchanges.pathMatchers(method, pattern).permitAll());
          exchanges.anyExchange().authenticated();
        })
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(ResourceServerSecurity::authentication))
                    .authenticationEntryPoint(
                        (exchange, e) ->
                            problems.write(exchange, HttpStatus.UNAUTHORIZED, "Sign-in needed",
                                "Your sign-in is missing or has expired. Please sign in again."))
                    .accessDeniedHandler(
                        (exchange, e) ->
                            problems.write(exchange, HttpStatus.NOT_FOUND, "Not found",
                                "There is nothing here for you.")))
        .build();
  }

  /**
   * A request Spring Security's firewall refuses before any of the above (an encoded slash or a
   * "../" in its path, say) gets a problem document like every other refusal, not an empty 400.
   */
  @Bean
  ServerExchangeRejectedHandler rejectedRequests(ProblemWriter problems) {
    return (exchange, e) -> problems.write(exchange, HttpStatus.BAD_REQUEST, "Not a valid address",
        "This address cannot be right. Please check it and try again.");
  }

  private static Mono<AbstractAuthenticationToken> authentication(Jwt jwt) {
    var authorities =
        Caller.realmRoles(jwt).stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
    return Mono.just(new JwtAuthenticationToken(jwt, authorities, jwt.getSubject()));
  }
}
