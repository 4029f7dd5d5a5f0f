package app.tend.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.tend.contracts.TendHeaders;
import app.tend.contracts.Topics;
import app.tend.testkit.TopicProbe;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A partner's check-in through the gateway reaches the other partner's feed, with real tokens. */
class CheckinSliceE2EIT {

  private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
    return RunningTend.send(method, path, token, body);
  }

  @Test
  void aCheckinThroughTheGatewayNotifiesTheOtherPartnerAndCarriesItsRequestId() throws Exception {
    RunningTend.stack();
    String alex = RunningTend.token("alex@riverside.demo");
    String jordan = RunningTend.token("jordan@riverside.demo");

    var trace = RunningTend.Trace.random();
    var submitted = RunningTend.send("PUT", "/api/checkins/today", alex,
        "{\"followThrough\":3,\"empathicListening\":4,\"honesty\":4,\"mattering\":3,\"connected\":4}", trace.headers());
    assertThat(submitted.statusCode()).isEqualTo(201);
    String requestId = submitted.headers().firstValue(TendHeaders.REQUEST_ID).orElseThrow();
    assertThat(submitted.headers().allValues(TendHeaders.REQUEST_ID)).as("one request id, not the gateway's and the service's").hasSize(1);

    // checkin-service's line about it carries the request's trace and request ids.
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(RunningTend.jsonLogLines("checkin-service"))
        .filteredOn(line -> line.path("message").asString().startsWith("check-in CREATED for local day"))
        .anySatisfy(line -> {
          assertThat(line.path("traceId").asString()).isEqualTo(trace.id());
          assertThat(line.path("requestId").asString()).isEqualTo(requestId);
        }));

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      var feed = send("GET", "/api/notifications", jordan, null);
      assertThat(feed.statusCode()).isEqualTo(200);
      assertThat(feed.body()).contains("Your partner checked in today");
    });
    assertThat(send("GET", "/api/notifications", alex, null).body()).doesNotContain("Your partner checked in today");

    // The gateway's request id travelled into the event that crossed Kafka.
    var me = send("GET", "/api/accounts/me", alex, null);
    String alexId = me.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    var events = TopicProbe.envelopes(Topics.CHECKIN_CHECKIN, "partnerId", alexId, Duration.ofSeconds(2));
    assertThat(events).singleElement().satisfies(event -> assertThat(event.requestId()).isEqualTo(requestId));
  }

  @Test
  void theGatewayRefusesWhatTheServicesWouldAndEveryApiDescribesItself() throws Exception {
    RunningTend.stack();
    assertThat(send("GET", "/api/checkins/today", null, null).statusCode()).isEqualTo(401);
    var outOfRange = send("PUT", "/api/checkins/today", RunningTend.token("sam@riverside.demo"),
        "{\"followThrough\":9,\"empathicListening\":4,\"honesty\":4,\"mattering\":3,\"connected\":4}");
    assertThat(outOfRange.statusCode()).isEqualTo(400);
    assertThat(outOfRange.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
    for (String api : new String[] {"accounts", "checkins", "notifications"}) {
      var description = send("GET", "/api/" + api + "/openapi", null, null);
      assertThat(description.statusCode()).as(api).isEqualTo(200);
      assertThat(description.body()).as(api).contains("\"openapi\"").contains("/api/" + api);
    }
  }
}
