package app.tend.web.settings;

import app.tend.web.platform.api.Gateway;
import app.tend.web.platform.security.SignedIn;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * All of a partner's data in one download, and erasing their account. Each service answers for
 * what it holds of the caller (the caller's own token, so each service's own rules decide); this
 * joins the parts into one JSON document.
 */
@Component
class MyDataApi {

  private final Gateway gateway;
  private final JsonMapper json;

  MyDataApi(Gateway gateway, JsonMapper json) {
    this.gateway = gateway;
    this.json = json;
  }

  byte[] download(SignedIn person) {
    var document = json.createObjectNode();
    document.put("exportedAt", Instant.now().toString());
    document.put("about", "Everything Tend holds about you, from each of its services.");
    document.set("accounts", part(person, "/api/accounts/me/export"));
    document.set("checkins", part(person, "/api/checkins/me/export"));
    document.set("notifications", part(person, "/api/notifications/me/export"));
    return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
  }

  private JsonNode part(SignedIn person, String path) {
    String body = gateway.call(person, rest -> rest.get().uri(path).retrieve().body(String.class));
    return json.readTree(body);
  }

  void erase(SignedIn person) {
    gateway.call(person, rest -> rest.post().uri("/api/accounts/me/erasure").body(Map.of("confirmed", true)).retrieve().toBodilessEntity());
  }
}
