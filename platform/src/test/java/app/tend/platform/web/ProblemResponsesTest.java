package app.tend.platform.web;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Errors no controller of a service raises still answer as a person can read them. */
@WebFluxTest
class ProblemResponsesTest {

  @Autowired WebTestClient web;
  @MockitoBean ReactiveJwtDecoder tokens;

  @Test
  void anAddressNothingAnswersIsAProblemThatSaysSoInWords() {
    web.mutateWith(mockJwt()).get().uri("/api/nowhere/at-all").exchange()
        .expectStatus().isNotFound()
        .expectHeader().contentType("application/problem+json")
        .expectBody()
        .jsonPath("$.title").isEqualTo("Not found")
        .jsonPath("$.detail").isEqualTo("There is nothing at this address. Please check it and try again.");
  }
}
