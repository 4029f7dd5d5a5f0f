package app.tend.infra.servers;

/** Where a real Keycloak answers, however it was started. */
public interface KeycloakEndpoint {

  /** The base address, e.g. {@code http://localhost:8180}. */
  String baseUrl();

  /** The bootstrap administrator of the master realm. */
  String adminUsername();

  String adminPassword();

  /** The issuer of tokens of {@code realm}, as services must validate it. */
  default String issuer(String realm) {
    return baseUrl() + "/realms/" + realm;
  }
}
