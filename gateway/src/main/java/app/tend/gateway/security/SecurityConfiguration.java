package app.tend.gateway.security;

import app.tend.gateway.routing.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * The gateway validates every token before routing (signature, issuer, expiry, audience), so a
 * forged or expired token never reaches a service; the services validate again.
 */
@Configuration
@EnableWebFluxSecurity
class SecurityConfiguration {

  @Bean
  SecurityWebFilterChain securityFilterChain(ServerHttpSecurity http, Problems problems) {
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
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
                    .jwt(jwt -> {})
                    .authenticationEntryPoint(
                        (exchange, e) -> problems.write(exchange, HttpStatus.UNAUTHORIZED, "Sign-in needed",
                            "Your sign-in is missing or has expired. Please sign in again.")))
        .build();
  }
}
