package app.tend.testkit;

import app.tend.infra.servers.KeycloakEndpoint;

/** A real Keycloak that a test can make hang, as an overloaded or stuck server does, and wake again. */
public interface KeycloakUnderTest extends KeycloakEndpoint {

  /** Keycloak accepts connections but answers nothing. */
  void hang();

  /** Keycloak answers again, with everything it had. */
  void resume();
}
