package app.tend.testkit;

import app.tend.infra.servers.KeycloakAdmin;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a Spring Boot service under test at this JVM's real servers. */
public final class TendTestProperties {

  private TendTestProperties() {}

  /** R2DBC and Flyway at {@code database} on the test PostgreSQL (created if new). */
  public static void postgres(DynamicPropertyRegistry registry, String database) {
    var postgres = TestInfrastructure.postgres(database);
    registry.add("spring.r2dbc.url", () -> postgres.r2dbcUrl(database));
    registry.add("spring.r2dbc.username", postgres::username);
    registry.add("spring.r2dbc.password", postgres::password);
    registry.add("spring.flyway.url", () -> postgres.jdbcUrl(database));
    registry.add("spring.flyway.user", postgres::username);
    registry.add("spring.flyway.password", postgres::password);
  }

  /**
   * The outbox relay and the idempotent consumers look for what is past its retention every second
   * rather than every few minutes or hours. Every context the test JVM keeps runs a relay against
   * the same database and only the one holding the lease prunes, so it is set for all of them, not
   * only the test's.
   */
  public static void retention(DynamicPropertyRegistry registry) {
    registry.add("tend.outbox.prune-every", () -> "1s");
    registry.add("tend.processed-events.prune-every", () -> "1s");
  }

  public static void kafka(DynamicPropertyRegistry registry) {
    registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
  }

  /**
   * Token validation against the test Keycloak's Tend realm, and the service's own calls to
   * Keycloak (its service account) to the same server.
   */
  public static void keycloak(DynamicPropertyRegistry registry) {
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri",
        () -> TestInfrastructure.keycloak().issuer(KeycloakAdmin.REALM));
    registry.add("tend.keycloak.server-url", () -> TestInfrastructure.keycloak().baseUrl());
  }

  /** Outgoing e-mail to this JVM's SMTP server, where the test can read it. */
  public static void mail(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> TestInfrastructure.mail().host());
    registry.add("spring.mail.port", () -> TestInfrastructure.mail().smtpPort());
  }
}
