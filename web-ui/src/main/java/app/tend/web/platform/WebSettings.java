package app.tend.web.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where web-ui finds the rest of Tend.
 *
 * @param gatewayUrl the gateway, the only service web-ui talks to
 * @param keycloakPublicUrl Keycloak as the browser reaches it, for signing out there too
 */
@ConfigurationProperties("tend")
public record WebSettings(String gatewayUrl, String keycloakPublicUrl) {}
