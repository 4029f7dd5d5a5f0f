package app.tend.infra.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keycloak's admin REST API, as far as setting up Tend needs it: the realm, users with roles and a
 * clinic, passwords, and tokens. Used by the local stack and by tests; the services use their own
 * service-account client instead.
 */
public final class KeycloakAdmin {

  public static final String REALM = "tend";
  /** The public client that accepts the password grant; for API clients, tests and the demo loader. */
  public static final String CLI_CLIENT = "tend-cli";
  private static final String REALM_RESOURCE = "/keycloak/tend-realm.json";
  /** Tend's placeholders in the realm file, "${TEND_NAME:local default}"; Keycloak's own "${username}" are not. */
  private static final Pattern TEND_PLACEHOLDER = Pattern.compile("\\$\\{(TEND_[A-Z_]+):([^}]*)}");

  private final KeycloakEndpoint keycloak;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final JsonMapper json = JsonMapper.builder().build();

  public KeycloakAdmin(KeycloakEndpoint keycloak) {
    this.keycloak = keycloak;
  }

  /**
   * Creates the Tend realm from infra's realm file unless it exists. {@code webUiBaseUrl} replaces
   * the local web-ui address in redirect URIs, for a web-ui on another port.
   *
   * @return true when the realm was created now
   */
  public boolean ensureRealm(String webUiBaseUrl) {
    return ensureRealm(webUiBaseUrl, null);
  }

  /**
   * As {@link #ensureRealm(String)}, and Keycloak's own e-mail (such as "set your password" for new
   * staff) goes out through {@code mail}, on every start, since its address may change.
   */
  public boolean ensureRealm(String webUiBaseUrl, MailEndpoint mail) {
    boolean created = createRealmUnlessThere(webUiBaseUrl);
    if (mail != null) {
      var smtp = Map.of("smtpServer", Map.of("host", mail.host(), "port", Integer.toString(mail.smtpPort()),
          "from", "no-reply@tend.local", "fromDisplayName", "Tend"));
      expect(send(realmRequest("").PUT(body(smtp)).header("Content-Type", "application/json"), adminToken()), 204, "set realm e-mail");
    }
    return created;
  }

  private boolean createRealmUnlessThere(String webUiBaseUrl) {
    String realm = realmFor(webUiBaseUrl);
    if (send(request("/admin/realms/" + REALM).GET(), adminToken()).statusCode() == 200) {
      // A realm made by an older realm file gets what was added since (e.g. a new service's client);
      // what it has already, changed by hand or not, is left as it is.
      var additions = json.readTree(realm);
      ((ObjectNode) additions).put("ifResourceExists", "SKIP");
      expect(send(realmRequest("/partialImport").POST(body(additions)).header("Content-Type", "application/json"), adminToken()),
          200, "add what the realm file gained");
      return false;
    }
    expect(send(request("/admin/realms").POST(HttpRequest.BodyPublishers.ofString(realm))
        .header("Content-Type", "application/json"), adminToken()), 201, "create realm");
    return true;
  }

  /**
   * The realm file with its placeholders filled as Keycloak fills them from its environment when it
   * imports the file at start (compose, Kubernetes): here with {@code webUiBaseUrl} for web-ui's
   * address and the local defaults for the secrets. (Keycloak's admin API, used here, fills none.)
   */
  public static String realmFor(String webUiBaseUrl) {
    return TEND_PLACEHOLDER.matcher(realmJson()).replaceAll(placeholder -> Matcher.quoteReplacement(
        "TEND_WEB_URL".equals(placeholder.group(1)) ? webUiBaseUrl : placeholder.group(2)));
  }

  /** The realm file as infra ships it, placeholders and all. */
  public static String realmJson() {
    try (InputStream in = KeycloakAdmin.class.getResourceAsStream(REALM_RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Creates a login with a password, realm roles and (unless null) a clinic, and answers its id.
   * An existing login with that e-mail is updated instead.
   */
  public UUID createUser(String email, String firstName, String lastName, String password, UUID clinicId, List<String> roles) {
    String token = adminToken();
    var attributes = clinicId == null ? Map.<String, Object>of() : Map.<String, Object>of("clinic_id", List.of(clinicId.toString()));
    var user =
        Map.of(
            "username", email, "email", email, "emailVerified", true, "firstName", firstName, "lastName", lastName,
            "enabled", true, "attributes", attributes,
            "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
    var created = send(realmRequest("/users").POST(body(user)).header("Content-Type", "application/json"), token);
    UUID id = created.statusCode() == 409 ? findUser(email).orElseThrow() : userIdFrom(expect(created, 201, "create user"));
    setPassword(id, password);
    var roleRepresentations = roles.stream().map(role -> role(role, token)).toList();
    expect(send(realmRequest("/users/" + id + "/role-mappings/realm").POST(body(roleRepresentations))
        .header("Content-Type", "application/json"), token), 204, "assign roles");
    return id;
  }

  public Optional<UUID> findUser(String email) {
    var response = expect(send(realmRequest("/users?exact=true&email=" + encode(email)).GET(), adminToken()), 200, "find user");
    var users = json.readTree(response.body());
    return users.isEmpty() ? Optional.empty() : Optional.of(UUID.fromString(users.get(0).get("id").asString()));
  }

  public void setPassword(UUID userId, String password) {
    expect(send(realmRequest("/users/" + userId + "/reset-password")
        .PUT(body(Map.of("type", "password", "value", password, "temporary", false)))
        .header("Content-Type", "application/json"), adminToken()), 204, "set password");
  }

  /** An access token for a login, through the password grant of {@link #CLI_CLIENT}. */
  public String accessToken(String username, String password) {
    return token(REALM, Map.of("grant_type", "password", "client_id", CLI_CLIENT, "username", username, "password", password));
  }

  /**
   * An access token that expires {@code lifespan} after it is issued: for tests of what an expired
   * token gets. {@link #CLI_CLIENT}'s tokens live that long only while this asks for one.
   */
  public String shortLivedAccessToken(String username, String password, Duration lifespan) {
    String admin = adminToken();
    var clients = json.readTree(expect(send(realmRequest("/clients?clientId=" + CLI_CLIENT).GET(), admin), 200, "find client").body());
    var client = (ObjectNode) clients.get(0);
    String path = "/clients/" + client.get("id").asString();
    var attributes = (ObjectNode) client.get("attributes");
    var before = attributes.get("access.token.lifespan");
    attributes.put("access.token.lifespan", String.valueOf(lifespan.toSeconds()));
    expect(send(realmRequest(path).PUT(body(client)).header("Content-Type", "application/json"), admin), 204, "shorten token lifespan");
    try {
      return accessToken(username, password);
    } finally {
      if (before == null) {
        // An attribute left out of an update is kept: an empty one falls back to the realm's lifespan.
        attributes.put("access.token.lifespan", "");
      } else {
        attributes.set("access.token.lifespan", before);
      }
      expect(send(realmRequest(path).PUT(body(client)).header("Content-Type", "application/json"), adminToken()), 204,
          "restore token lifespan");
    }
  }

  private String adminToken() {
    return token("master", Map.of("grant_type", "password", "client_id", "admin-cli",
        "username", keycloak.adminUsername(), "password", keycloak.adminPassword()));
  }

  private String token(String realm, Map<String, String> form) {
    String encoded = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
    var response = send(HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/realms/" + realm + "/protocol/openid-connect/token"))
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(encoded)), null);
    return json.readTree(expect(response, 200, "get a token").body()).get("access_token").asString();
  }

  private JsonNode role(String name, String token) {
    return json.readTree(expect(send(realmRequest("/roles/" + encode(name)).GET(), token), 200, "read role " + name).body());
  }

  private HttpRequest.Builder realmRequest(String path) {
    return request("/admin/realms/" + REALM + path);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + path)).timeout(Duration.ofSeconds(30));
  }

  private HttpRequest.BodyPublisher body(Object value) {
    return HttpRequest.BodyPublishers.ofString(json.writeValueAsString(value));
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String bearer) {
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("Keycloak did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> expect(HttpResponse<String> response, int status, String what) {
    if (response.statusCode() != status) {
      throw new IllegalStateException("Keycloak refused to " + what + ": HTTP " + response.statusCode() + " " + response.body());
    }
    return response;
  }

  private static UUID userIdFrom(HttpResponse<String> created) {
    String location = created.headers().firstValue("Location").orElseThrow();
    return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
