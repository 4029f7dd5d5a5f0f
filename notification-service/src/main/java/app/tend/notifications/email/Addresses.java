package app.tend.notifications.email;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Looks a person's e-mail address up in Keycloak when an e-mail is about to go out. This service
 * keeps no addresses: a changed address is used at once, and an erased person has none.
 */
@Component
@EnableConfigurationProperties(Addresses.KeycloakSettings.class)
class Addresses {

  /**
   * The service account with which this service reads logins (Keycloak's {@code view-users}).
   *
   * @param serverUrl Keycloak's base address
   * @param realm the Tend realm
   * @param clientId the confidential client
   * @param clientSecret its secret
   */
  @ConfigurationProperties("tend.keycloak")
  record KeycloakSettings(String serverUrl, String realm, String clientId, String clientSecret) {}

  /** Where an e-mail goes and the name it greets. */
  record Recipient(String email, String firstName) {}

  private final KeycloakSettings keycloak;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private final JsonMapper json = JsonMapper.builder().build();
  private volatile String token;
  private volatile Instant tokenExpires = Instant.EPOCH;

  Addresses(KeycloakSettings keycloak) {
    this.keycloak = keycloak;
  }

  /**
   * The person's address, or empty when they have no enabled login with a verified-looking
   * address any more (erased, disabled).
   *
   * @throws IOException when Keycloak cannot be asked now; the e-mail is tried again later
   */
  Optional<Recipient> of(UUID personId) throws IOException {
    var response = send(HttpRequest.newBuilder(URI.create(keycloak.serverUrl() + "/admin/realms/" + keycloak.realm() + "/users/" + personId))
        .header("Authorization", "Bearer " + token())
        .GET());
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    if (response.statusCode() == 401) {
      tokenExpires = Instant.EPOCH;
    }
    if (response.statusCode() != 200) {
      throw new IOException("Keycloak answered HTTP " + response.statusCode() + " for a login");
    }
    JsonNode user = json.readTree(response.body());
    if (!user.path("enabled").asBoolean(false) || user.path("email").asString("").isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new Recipient(user.path("email").asString(), user.path("firstName").asString("")));
  }

  private String token() throws IOException {
    if (Instant.now().isBefore(tokenExpires)) {
      return token;
    }
    String form = "grant_type=client_credentials&client_id=" + encode(keycloak.clientId()) + "&client_secret=" + encode(keycloak.clientSecret());
    var response = send(HttpRequest.newBuilder(URI.create(keycloak.serverUrl() + "/realms/" + keycloak.realm() + "/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
    if (response.statusCode() != 200) {
      throw new IOException("Keycloak refused this service's sign-in: HTTP " + response.statusCode());
    }
    JsonNode body = json.readTree(response.body());
    token = body.path("access_token").asString();
    // Renewed a little before it runs out, so no request carries a token that expires on the way.
    tokenExpires = Instant.now().plusSeconds(Math.max(body.path("expires_in").asLong(60) - 15, 5));
    return token;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
    try {
      return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while asking Keycloak", e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
