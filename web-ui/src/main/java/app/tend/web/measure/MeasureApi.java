package app.tend.web.measure;

import app.tend.web.platform.api.Gateway;
import app.tend.web.platform.security.SignedIn;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** checkin-service's relationship measure, as the partner's page uses it. */
@Component
class MeasureApi {

  private final Gateway gateway;

  MeasureApi(Gateway gateway) {
    this.gateway = gateway;
  }

  record Option(int value, String label) {}

  record Item(String linkId, String text, List<Option> options) {}

  record CutOff(double below, String meaning) {}

  record Scoring(String method, double min, double max) {}

  record Definition(String id, String version, String title, String intro, String citation, List<Item> items, Scoring scoring,
                    CutOff cutOff) {}

  record Score(LocalDate day, double score, boolean belowCutOff) {}

  record Page(Definition definition, int everyDays, boolean due, LocalDate nextDueOn, List<Score> history) {}

  Page current(SignedIn person) {
    return gateway.call(person, rest -> rest.get().uri("/api/checkins/measures/current").retrieve().body(Page.class));
  }

  Page answer(SignedIn person, String measureId, Map<String, Integer> answers) {
    return gateway.call(person, rest -> rest.post().uri("/api/checkins/measures/{id}/responses", measureId)
        .body(Map.of("answers", answers)).retrieve().body(Page.class));
  }
}
