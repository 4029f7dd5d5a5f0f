package app.tend.testkit;

import app.tend.infra.servers.PostgresEndpoint;
import java.time.Duration;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The servers as Testcontainers, for machines where a Docker engine answers. */
final class Containers {

  private Containers() {}

  static PostgresEndpoint postgres() {
    var container = new PostgreSQLContainer("postgres:16-alpine").withCommand("postgres", "-c", "max_connections=300");
    container.start();
    return new PostgresEndpoint() {
      public String host() { return container.getHost(); }
      public int port() { return container.getMappedPort(5432); }
      public String username() { return container.getUsername(); }
      public String password() { return container.getPassword(); }
    };
  }

  static KafkaUnderTest kafka() {
    var container = new KafkaContainer("apache/kafka:4.1.1");
    container.start();
    String bootstrap = container.getBootstrapServers();
    return new KafkaUnderTest() {
      public String bootstrapServers() { return bootstrap; }
      // Pausing keeps the mapped port, so clients find the broker again where it was.
      public void stop() { DockerClientFactory.instance().client().pauseContainerCmd(container.getContainerId()).exec(); }
      public void start() { DockerClientFactory.instance().client().unpauseContainerCmd(container.getContainerId()).exec(); }
      public void hang() { stop(); }
      public void resume() { start(); }
    };
  }

  static KeycloakUnderTest keycloak() {
    var container =
        new GenericContainer<>("quay.io/keycloak/keycloak:" + app.tend.infra.servers.EmbeddedKeycloakServer.VERSION)
            .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", "admin")
            .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin")
            .withEnv("KC_HEALTH_ENABLED", "true")
            .withCommand("start-dev")
            .withExposedPorts(8080, 9000)
            .waitingFor(Wait.forHttp("/health/ready").forPort(9000).withStartupTimeout(Duration.ofMinutes(4)));
    container.start();
    String base = "http://" + container.getHost() + ":" + container.getMappedPort(8080);
    return new KeycloakUnderTest() {
      public String baseUrl() { return base; }
      public String adminUsername() { return "admin"; }
      public String adminPassword() { return "admin"; }
      public void hang() { DockerClientFactory.instance().client().pauseContainerCmd(container.getContainerId()).exec(); }
      public void resume() { DockerClientFactory.instance().client().unpauseContainerCmd(container.getContainerId()).exec(); }
    };
  }
}
