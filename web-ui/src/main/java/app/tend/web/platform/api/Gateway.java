package app.tend.web.platform.api;

import app.tend.web.platform.WebSettings;
import app.tend.web.platform.security.SignedIn;
import com.vaadin.flow.server.VaadinRequest;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls Tend's API through the gateway as the signed-in person, with their own access token, so
 * every rule about who may see what is applied by the services, never here.
 */
@Component
public class Gateway {

  private final RestClient rest;
  private final OAuth2AuthorizedClientManager tokens;
  private final JsonMapper json;

  Gateway(RestClient.Builder builder, WebSettings settings, OAuth2AuthorizedClientManager tokens, JsonMapper json) {
    var requests = new SimpleClientHttpRequestFactory();
    requests.setConnectTimeout(Duration.ofSeconds(2));
    requests.setReadTimeout(Duration.ofSeconds(20));
    this.rest = builder.baseUrl(settings.gatewayUrl()).requestFactory(requests).build();
    this.tokens = tokens;
    this.json = json;
  }

  /** A fresh access token of {@code person}, refreshed through Keycloak when it has expired. */
  public String accessToken(SignedIn person) {
    var client = tokens.authorize(
        OAuth2AuthorizeRequest.withClientRegistrationId("keycloak").principal(person.authentication()).build());
    if (client == null) {
      throw new ApiProblem.Exception(new ApiProblem(401, "Sign-in needed", "Your sign-in has expired. Please sign in again."));
    }
    return client.getAccessToken().getTokenValue();
  }

  /**
   * Runs one call as {@code person}.
   *
   * @throws ApiProblem.Exception with the service's own problem, or one saying Tend is unreachable
   */
  public <T> T call(SignedIn person, Function<RestClient, T> call) {
    String token = accessToken(person);
    String browser = browserAddress();
    return send(rest.mutate().defaultHeaders(headers -> {
      headers.setBearerAuth(token);
      if (browser != null) {
        headers.set("X-Forwarded-For", browser);
      }
    }).build(), call);
  }

  /**
   * The address of the browser whose request this thread is handling, so the services' audit log
   * says where a person read from, not only that it came through web-ui; null outside a request.
   */
  private static String browserAddress() {
    VaadinRequest request = VaadinRequest.getCurrent();
    return request == null ? null : request.getRemoteAddr();
  }

  /**
   * Runs one call without anybody's token, for the few things a person does before they have a
   * login (opening and accepting their invitation).
   */
  public <T> T callAnonymously(Function<RestClient, T> call) {
    return send(rest, call);
  }

  private <T> T send(RestClient client, Function<RestClient, T> call) {
    try {
      return call.apply(client);
    } catch (RestClientResponseException e) {
      throw new ApiProblem.Exception(problemFrom(e));
    } catch (ResourceAccessException e) {
      throw new ApiProblem.Exception(new ApiProblem(503, "Not available right now",
          "Tend is not answering right now. Nothing was changed. Please try again in a minute."));
    }
  }

  private ApiProblem problemFrom(RestClientResponseException e) {
    try {
      var body = json.readTree(e.getResponseBodyAsString());
      return new ApiProblem(e.getStatusCode().value(), body.path("title").asString("Something went wrong"),
          body.path("detail").asString("Something went wrong. Please try again in a moment."));
    } catch (RuntimeException unreadable) {
      return new ApiProblem(e.getStatusCode().value(), "Something went wrong", "Something went wrong. Please try again in a moment.");
    }
  }
}
