package app.tend.checkins.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import app.tend.contracts.TendHeaders;
import java.net.ConnectException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** The check-in endpoint's HTTP contract: statuses, problem documents, what never reaches the service. */
@WebFluxTest(CheckinController.class)
@ExtendWith(OutputCaptureExtension.class)
class CheckinControllerWebFluxTest {

  private static final String PARTNER = UUID.randomUUID().toString();

  @Autowired WebTestClient web;
  @MockitoBean CheckinService checkins;
  @MockitoBean ReactiveJwtDecoder tokens;

  private WebTestClient asPartner() {
    return web.mutateWith(mockJwt().jwt(jwt -> jwt.subject(PARTNER)
        .claim(TendHeaders.CLINIC_ID_CLAIM, UUID.randomUUID().toString())
        .claim("realm_access", Map.of("roles", List.of("partner")))));
  }

  private static CheckinView view() {
    return new CheckinView(UUID.randomUUID(), LocalDate.of(2026, 11, 30), 3, 3, 3, 3, 3, null, null, Instant.now(), Instant.now());
  }

  private WebTestClient.ResponseSpec put(WebTestClient client, String json) {
    return client.put().uri("/api/checkins/today").contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
  }

  @Test
  void theFirstSubmissionOfTheDayIsCreatedAndALaterOneIsOk() {
    when(checkins.submitToday(any(), any()))
        .thenReturn(Mono.just(new CheckinService.Submitted(view(), true)))
        .thenReturn(Mono.just(new CheckinService.Submitted(view(), false)));
    String json = "{\"followThrough\":3,\"empathicListening\":3,\"honesty\":3,\"mattering\":3,\"connected\":3}";

    put(asPartner(), json).expectStatus().isCreated().expectHeader().exists(TendHeaders.REQUEST_ID);
    put(asPartner(), json).expectStatus().isOk();
  }

  @Test
  void brokenJsonUnknownFieldsAndWrongTypesAreProblemsThatNeverReachTheService() {
    for (String json : List.of(
        "{\"followThrough\": 3,",
        "{\"followThrough\":3,\"empathicListening\":3,\"honesty\":3,\"mattering\":3,\"connected\":3,\"unsafe\":true}",
        "{\"followThrough\":\"three\",\"empathicListening\":3,\"honesty\":3,\"mattering\":3,\"connected\":3}",
        "[1,2,3]")) {
      put(asPartner(), json).expectStatus().isBadRequest()
          .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).doesNotContain("Exception").doesNotContain("at app."));
    }
    verifyNoInteractions(checkins);
  }

  @Test
  void outOfRangeAnswersComeBackAsAProblemNamingEachOne() {
    when(checkins.submitToday(any(), any())).thenAnswer(call -> Mono.fromCallable(() -> call.<SubmitCheckinRequest>getArgument(1).answers()));
    put(asPartner(), "{\"followThrough\":7,\"empathicListening\":3,\"honesty\":3,\"mattering\":-1,\"connected\":3}")
        .expectStatus().isBadRequest()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.title").isEqualTo("Some answers need another look")
        .jsonPath("$.detail").value(detail -> assertThat((String) detail)
            .contains("followThrough must be a whole number from 0 to 4")
            .contains("mattering must be a whole number from 0 to 4"));
  }

  @Test
  void withoutATokenTheAnswerIsAProblemNotAnEmptyPage() {
    put(web, "{}").expectStatus().isUnauthorized()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader().valueEquals("WWW-Authenticate", "Bearer");
    verifyNoInteractions(checkins);
  }

  /**
   * The problem responses write their log line where Reactor puts the request's ids on the thread
   * (context propagation is limited): in a {@code doOnNext} the line would name no request.
   */
  @Test
  void aDatabaseOutageIsA503AndItsLogLineNamesTheRequest(CapturedOutput output) {
    when(checkins.submitToday(any(), any()))
        .thenReturn(Mono.error(new DataAccessResourceFailureException("x", new ConnectException("refused"))));

    asPartner().put().uri("/api/checkins/today").header(TendHeaders.REQUEST_ID, "outage-check-1")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"followThrough\":3,\"empathicListening\":3,\"honesty\":3,\"mattering\":3,\"connected\":3}")
        .exchange()
        .expectStatus().isEqualTo(503)
        .expectHeader().exists(HttpHeaders.RETRY_AFTER);

    assertThat(output.getOut().lines().filter(line -> line.contains("database unavailable")))
        .singleElement().asString().contains(",outage-check-1]");
  }
}
