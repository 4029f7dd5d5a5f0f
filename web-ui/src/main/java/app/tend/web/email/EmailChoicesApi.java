package app.tend.web.email;

import app.tend.web.platform.api.Gateway;
import app.tend.web.platform.security.SignedIn;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/** notification-service's e-mail choices and unsubscribe links, as web-ui uses them. */
@Component
public class EmailChoicesApi {

  private static final ParameterizedTypeReference<List<Choice>> CHOICES = new ParameterizedTypeReference<>() {};

  private final Gateway gateway;

  public EmailChoicesApi(Gateway gateway) {
    this.gateway = gateway;
  }

  /** What a person may also receive by e-mail, and whether they do. */
  record Choice(String group, String description, boolean emailed, boolean changeable) {}

  List<Choice> mine(SignedIn person) {
    return gateway.call(person, rest -> rest.get().uri("/api/notifications/preferences").retrieve().body(CHOICES));
  }

  void choose(SignedIn person, String group, boolean emailed) {
    gateway.call(person, rest -> rest.put().uri("/api/notifications/preferences/{group}", group).body(Map.of("emailed", emailed))
        .retrieve().toBodilessEntity());
  }

  /** What an unsubscribe link stops; asked without signing in, since the link is the credential. */
  Choice whatItStops(String token) {
    return gateway.callAnonymously(rest -> rest.get().uri("/api/notifications/unsubscribe/{token}", token).retrieve().body(Choice.class));
  }

  void unsubscribe(String token) {
    gateway.callAnonymously(rest -> rest.post().uri("/api/notifications/unsubscribe/{token}", token).retrieve().toBodilessEntity());
  }
}
