package app.tend.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

class PublicPathsTest {

  @Test
  void eachLineIsAMethodAndAPattern() {
    var read = new ArrayList<String>();
    new PublicPaths(List.of("GET /api/x/openapi/**", " POST  /api/x/links/*/use ")).forEach((method, pattern) -> read.add(method + " " + pattern));
    assertThat(read).containsExactly("GET /api/x/openapi/**", "POST /api/x/links/*/use");
  }

  @Test
  void aLineThatIsNotAMethodAndAPathStopsTheServiceFromStarting() {
    assertThatThrownBy(() -> new PublicPaths(List.of("/api/x/openapi/**"))).hasMessageContaining("is not \"METHOD /path\"");
    assertThatThrownBy(() -> new PublicPaths(List.of("get /api/x"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PublicPaths(List.of("GET api/x"))).isInstanceOf(IllegalArgumentException.class);
  }

  /** Only the named method on the named paths goes without a token; everything else is refused with a problem. */
  @Nested
  @WebFluxTest(controllers = PublicPathsTest.Links.class, properties = "tend.security.public-paths=GET /links/*")
  @Import({PublicPathsTest.Links.class, PublicPathsTest.NoTokenIsGood.class})
  class InAService {

    @Autowired WebTestClient web;

    @Test
    void aPublicPathAnswersWithoutATokenAndNothingElseDoes() {
      web.get().uri("/links/abc").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("link abc");
      web.post().uri("/links/abc").exchange().expectStatus().isUnauthorized()
          .expectHeader().contentType("application/problem+json");
      web.get().uri("/links/abc/more").exchange().expectStatus().isUnauthorized();
      web.method(HttpMethod.GET).uri("/private").exchange().expectStatus().isUnauthorized();
      web.get().uri("/actuator/health").exchange().expectStatus().value(status -> assertThat(status).isNotEqualTo(401));
    }
  }

  /** Every token is refused: only a public path can answer 200. */
  @Configuration(proxyBeanMethods = false)
  static class NoTokenIsGood {

    @Bean
    ReactiveJwtDecoder refuseAll() {
      return token -> Mono.error(new BadJwtException("no token is good here"));
    }
  }

  @RestController
  static class Links {

    @GetMapping("/links/{id}")
    Mono<String> link(@PathVariable String id) {
      return Mono.just("link " + id);
    }

    @PostMapping("/links/{id}")
    Mono<String> use(@PathVariable String id) {
      return Mono.just("used " + id);
    }

    @GetMapping("/private")
    Mono<String> secret() {
      return Mono.just("secret");
    }
  }
}
