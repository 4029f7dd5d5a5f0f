package app.tend.accounts.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How accounts-service reaches Keycloak's admin API: with its own service-account client, whose
 * realm-management roles allow creating users and assigning roles, nothing more.
 *
 * @param serverUrl Keycloak's base address
 * @param realm the Tend realm
 * @param clientId the service-account client
 * @param clientSecret its secret
 */
@ConfigurationProperties("tend.keycloak")
public record KeycloakSettings(String serverUrl, String realm, String clientId, String clientSecret) {}
