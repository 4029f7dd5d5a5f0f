package app.tend.infra.servers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The realm file serves two ways: Keycloak imports it at start and fills its placeholders from its
 * environment (compose, Kubernetes); the local stack and the tests create it through the admin API
 * and fill them here. Both must get the same realm.
 */
class RealmFileTest {

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void theLocalStackFillsEveryPlaceholderOfTendsWithWebUisAddressOrItsLocalDefault() {
    JsonNode realm = json.readTree(KeycloakAdmin.realmFor("http://tend.test:9090"));

    assertThat(realm.toString()).doesNotContain("${TEND_");
    JsonNode web = client(realm, "tend-web");
    assertThat(web.get("secret").asString()).isEqualTo("tend-web-local-secret");
    assertThat(web.get("redirectUris").get(0).asString()).isEqualTo("http://tend.test:9090/*");
    assertThat(client(realm, "tend-accounts").get("secret").asString()).isEqualTo("tend-accounts-local-secret");
    // Keycloak's own message placeholders in the user profile stay for Keycloak to translate.
    assertThat(realm.toString()).contains("${username}");
  }

  @Test
  void noSecretOfTheRealmFileIsWithoutAPlaceholderThatKeycloakFillsFromItsEnvironment() {
    JsonNode realm = json.readTree(KeycloakAdmin.realmJson());
    for (JsonNode client : realm.get("clients")) {
      if (client.has("secret")) {
        assertThat(client.get("secret").asString()).as(client.get("clientId").asString()).startsWith("${TEND_");
      }
    }
    for (JsonNode user : realm.get("users")) {
      for (JsonNode credential : user.path("credentials")) {
        assertThat(credential.get("value").asString()).as(user.get("username").asString()).startsWith("${TEND_");
      }
    }
  }

  private static JsonNode client(JsonNode realm, String clientId) {
    for (JsonNode client : realm.get("clients")) {
      if (clientId.equals(client.get("clientId").asString())) {
        return client;
      }
    }
    throw new AssertionError("no client " + clientId);
  }
}
