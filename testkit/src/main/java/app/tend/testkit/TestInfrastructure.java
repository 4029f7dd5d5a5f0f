package app.tend.testkit;

import app.tend.infra.chaos.Fault;
import app.tend.infra.chaos.Faults;
import app.tend.infra.servers.EmbeddedKafkaServer;
import app.tend.infra.servers.EmbeddedKeycloakServer;
import app.tend.infra.servers.EmbeddedMailServer;
import app.tend.infra.servers.EmbeddedPostgresServer;
import app.tend.infra.servers.EmbeddedRedisServer;
import app.tend.infra.servers.KeycloakAdmin;
import app.tend.infra.servers.PostgresEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Real PostgreSQL, Kafka, Keycloak (and Redis) for the tests of one JVM. Each server starts the first time a
 * test asks for it and is shared by every later test class in that JVM; it stops when the JVM ends.
 */
public final class TestInfrastructure {

  private static final InfrastructureMode MODE = InfrastructureMode.current();
  private static PostgresEndpoint postgres;
  private static KafkaUnderTest kafka;
  private static KeycloakUnderTest keycloak;
  private static EmbeddedMailServer mail;
  private static EmbeddedRedisServer redis;
  private static EmbeddedPostgresServer embeddedPostgres;
  private static EmbeddedKafkaServer embeddedKafka;
  private static EmbeddedKeycloakServer embeddedKeycloak;
  private static Path workDirectory;

  private TestInfrastructure() {}

  public static InfrastructureMode mode() {
    return MODE;
  }

  public static synchronized PostgresEndpoint postgres() {
    if (postgres == null) {
      if (MODE == InfrastructureMode.CONTAINERS) {
        postgres = Containers.postgres();
      } else {
        // A data directory of its own lets the chaos test kill the server and start it again on it.
        embeddedPostgres = EmbeddedPostgresServer.start(0, workDirectory().resolve("postgres"));
        postgres = embeddedPostgres;
      }
    }
    return postgres;
  }

  /** PostgreSQL with {@code database} created. */
  public static PostgresEndpoint postgres(String database) {
    var endpoint = postgres();
    endpoint.ensureDatabase(database);
    return endpoint;
  }

  public static synchronized KafkaUnderTest kafka() {
    if (kafka == null) {
      kafka = MODE == InfrastructureMode.CONTAINERS ? Containers.kafka() : embeddedKafka();
    }
    return kafka;
  }

  /** Keycloak with the Tend realm, whose web client redirects to {@code http://localhost:8080}. */
  public static KeycloakUnderTest keycloak() {
    return keycloak("http://localhost:8080");
  }

  /**
   * Keycloak with the Tend realm; the first caller decides the web-ui address its redirect URIs
   * allow.
   */
  public static synchronized KeycloakUnderTest keycloak(String webUiBaseUrl) {
    if (keycloak == null) {
      keycloak = MODE == InfrastructureMode.CONTAINERS ? Containers.keycloak() : embeddedKeycloak();
      new KeycloakAdmin(keycloak).ensureRealm(webUiBaseUrl, mail());
    }
    return keycloak;
  }

  /**
   * An SMTP server that keeps what it receives. It runs inside the test JVM in both modes: GreenMail
   * is a real SMTP server written in Java, so a container would add nothing but start-up time.
   */
  public static synchronized EmbeddedMailServer mail() {
    if (mail == null) {
      mail = EmbeddedMailServer.start(0);
    }
    return mail;
  }

  /**
   * A Redis server, which only the gateway uses, to share its rate limit across replicas. It runs as
   * a local process in both modes, like the mail server: its binary starts in milliseconds, a
   * container would add only start-up time, and the test can kill and restart it in place.
   */
  public static synchronized EmbeddedRedisServer redis() {
    if (redis == null) {
      redis = EmbeddedRedisServer.start(0, workDirectory().resolve("redis"), workDirectory().resolve("redis.log"));
    }
    return redis;
  }

  public static KeycloakAdmin keycloakAdmin() {
    return new KeycloakAdmin(keycloak());
  }

  /**
   * Kafka, PostgreSQL and Keycloak as the chaos test kills them (SIGKILL) and starts them again on
   * the same ports and data. Only the embedded servers: a container restarted by Docker comes back
   * on another host port, where the running apps would not find it.
   */
  public static synchronized List<Fault> serverFaults() {
    if (MODE == InfrastructureMode.CONTAINERS) {
      throw new UnsupportedOperationException("killing and restarting servers in place needs the embedded servers");
    }
    postgres();
    kafka();
    keycloak();
    return Faults.servers(embeddedPostgres, embeddedKafka, embeddedKeycloak);
  }

  /**
   * The process ids of PostgreSQL, Kafka and Keycloak by name, to read their memory; none in
   * containers mode, where they are Docker's.
   */
  public static synchronized java.util.Map<String, Long> serverProcesses() {
    if (MODE == InfrastructureMode.CONTAINERS) {
      return java.util.Map.of();
    }
    postgres();
    kafka();
    keycloak();
    var pids = new java.util.LinkedHashMap<String, Long>();
    pids.put("PostgreSQL", embeddedPostgres.pid());
    pids.put("Kafka", embeddedKafka.pid());
    pids.put("Keycloak", embeddedKeycloak.process().pid());
    return pids;
  }

  /** A folder of this test JVM's own, for server data and logs; under target/ when run by Maven. */
  public static synchronized Path workDirectory() {
    if (workDirectory == null) {
      try {
        Path base = Files.isDirectory(Path.of("target")) ? Path.of("target") : Path.of(System.getProperty("java.io.tmpdir"));
        workDirectory = Files.createTempDirectory(base.toAbsolutePath(), "tend-test-servers-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return workDirectory;
  }

  private static KeycloakUnderTest embeddedKeycloak() {
    var server = EmbeddedKeycloakServer.start(0, workDirectory().resolve("keycloak"), workDirectory().resolve("keycloak.log"));
    embeddedKeycloak = server;
    return new KeycloakUnderTest() {
      public String baseUrl() { return server.baseUrl(); }
      public String adminUsername() { return server.adminUsername(); }
      public String adminPassword() { return server.adminPassword(); }
      public void hang() { server.process().freeze(); }
      public void resume() { server.process().thaw(); }
    };
  }

  private static KafkaUnderTest embeddedKafka() {
    var server =
        EmbeddedKafkaServer.start(0, workDirectory().resolve("kafka"), workDirectory().resolve("kafka.log"));
    embeddedKafka = server;
    return new KafkaUnderTest() {
      public String bootstrapServers() { return server.bootstrapServers(); }
      public void stop() { server.kill(); }
      public void start() { server.start(); }
      public void hang() { server.freeze(); }
      public void resume() { server.thaw(); }
    };
  }
}
