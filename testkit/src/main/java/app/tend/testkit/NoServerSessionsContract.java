package app.tend.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Every request to a service carries its token, so the service keeps no session: with Spring
 * Security's defaults each request made an in-memory session nobody used. A service's test extends
 * this in a WebFlux slice of its own security configuration with {@link Slice} imported; the real
 * token filter runs, and only the signature check is left out.
 */
public abstract class NoServerSessionsContract {

  static final String WHO_AM_I = "/test/who-am-i";
  static final String PARTNER = UUID.randomUUID().toString();
  static final String TOKEN = "a-token";

  @Autowired WebTestClient web;
  @Autowired ServerSessions sessions;

  @Test
  void requestsWithATokenOrWithoutOneOpenNoSession() {
    web.get().uri(WHO_AM_I).headers(headers -> headers.setBearerAuth(TOKEN)).exchange()
        .expectStatus().isOk().expectBody(String.class).isEqualTo(PARTNER);
    web.get().uri(WHO_AM_I).exchange().expectStatus().isUnauthorized();

    assertThat(sessions.asked()).isZero();
  }

  /** The endpoint the test calls: it answers the caller's name and touches nothing else. */
  @RestController
  public static class WhoAmI {

    @GetMapping(WHO_AM_I)
    public Mono<String> caller(Principal caller) {
      return Mono.just(caller.getName());
    }
  }

  /** The counting session manager, {@link WhoAmI}, and a decoder that takes one token for a partner. */
  @Configuration(proxyBeanMethods = false)
  @Import({ServerSessions.InTest.class, WhoAmI.class})
  public static class Slice {

    @Bean
    public ReactiveJwtDecoder oneToken() {
      return token -> TOKEN.equals(token)
          ? Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject(PARTNER)
              .claim("realm_access", Map.of("roles", List.of("partner")))
              .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300)).build())
          : Mono.error(new BadJwtException("not the test's token"));
    }
  }
}
