package app.tend.infra.chaos;

import app.tend.infra.servers.EmbeddedKafkaServer;
import app.tend.infra.servers.EmbeddedKeycloakServer;
import app.tend.infra.servers.EmbeddedPostgresServer;
import app.tend.infra.stack.Stack;
import java.util.List;

/** The parts of a running Tend that the chaos run kills. */
public final class Faults {

  private Faults() {}

  /** Each of the five apps. */
  public static List<Fault> apps(Stack stack) {
    return stack.modules().stream().map(module -> new Fault(module, () -> stack.kill(module), () -> stack.restart(module))).toList();
  }

  /** The servers Tend stands on: Kafka, PostgreSQL and Keycloak. */
  public static List<Fault> servers(EmbeddedPostgresServer postgres, EmbeddedKafkaServer kafka, EmbeddedKeycloakServer keycloak) {
    return List.of(
        new Fault("Kafka", kafka::kill, kafka::start),
        new Fault("PostgreSQL", postgres::kill, postgres::restart),
        new Fault("Keycloak", keycloak::kill, keycloak::restart));
  }
}
