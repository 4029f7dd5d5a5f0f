package app.tend.infra.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker in KRaft mode, run through Kafka's own {@code kafka.Kafka} entry
 * point in a separate JVM. Its port and data directory are fixed for its lifetime, so it can be
 * stopped (or killed) and started again where clients expect it, with its records intact.
 */
public final class EmbeddedKafkaServer implements KafkaEndpoint, AutoCloseable {

  private final int port;
  private final Path dataDirectory;
  private final Path log;
  private ChildProcess process;

  private EmbeddedKafkaServer(int port, Path dataDirectory, Path log) {
    this.port = port;
    this.dataDirectory = dataDirectory;
    this.log = log;
  }

  /**
   * Formats the storage if it is new, starts the broker and waits until it answers.
   *
   * @param port the client port, or 0 for any free one
   * @param dataDirectory where the logs and the cluster metadata live; kept between runs
   * @param log the broker's log file
   */
  public static EmbeddedKafkaServer start(int port, Path dataDirectory, Path log) {
    var server = new EmbeddedKafkaServer(port > 0 ? port : Ports.free(), dataDirectory, log);
    server.start();
    return server;
  }

  /** Starts the broker again after {@link #stop()} or {@link #kill()}, on the same port and data. */
  public synchronized void start() {
    if (process != null && process.isAlive()) {
      return;
    }
    Path config = writeConfig();
    if (!Files.exists(dataDirectory.resolve("logs/meta.properties"))) {
      format(config);
    }
    process =
        ChildProcess.start(
            "kafka",
            List.of(ChildProcess.javaExecutable(), "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
                "-Dlogback.configurationFile=" + quietLogging(), "-cp", System.getProperty("java.class.path"),
                "kafka.Kafka", config.toString()),
            dataDirectory,
            Map.of(),
            log);
    Ports.await("Kafka (log: " + log + ")", Duration.ofMinutes(2), process::isAlive, this::answers);
  }

  /** A controlled shutdown, as an operator would do it. */
  public synchronized void stop() {
    if (process != null) {
      process.close();
    }
  }

  /** SIGKILL, as a crash would do it. */
  public synchronized void kill() {
    if (process != null) {
      process.kill();
    }
  }

  /** The broker JVM's process id. */
  public synchronized long pid() {
    return process.pid();
  }

  /** SIGSTOP: connections stay open, nothing is answered, as with a stuck broker. */
  public synchronized void freeze() {
    process.freeze();
  }

  /** SIGCONT: the broker answers again, including what waited. */
  public synchronized void thaw() {
    process.thaw();
  }

  @Override
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  @Override
  public void close() {
    stop();
  }

  private boolean answers() {
    if (!Ports.isOpen("127.0.0.1", port)) {
      return false;
    }
    try (var admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
      return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
    } catch (Exception e) {
      return false;
    }
  }

  private Path writeConfig() {
    try {
      Files.createDirectories(dataDirectory.resolve("logs"));
      Path config = dataDirectory.resolve("server.properties");
      int controllerPort = controllerPort();
      var properties = new Properties();
      properties.put("process.roles", "broker,controller");
      properties.put("node.id", "1");
      properties.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
      properties.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
      properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
      properties.put("controller.listener.names", "CONTROLLER");
      properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
      properties.put("inter.broker.listener.name", "PLAINTEXT");
      properties.put("log.dirs", dataDirectory.resolve("logs").toString());
      properties.put("num.partitions", "3");
      properties.put("auto.create.topics.enable", "true");
      properties.put("offsets.topic.replication.factor", "1");
      properties.put("offsets.topic.num.partitions", "10");
      properties.put("transaction.state.log.replication.factor", "1");
      properties.put("transaction.state.log.min.isr", "1");
      properties.put("share.coordinator.state.topic.replication.factor", "1");
      properties.put("share.coordinator.state.topic.min.isr", "1");
      properties.put("group.initial.rebalance.delay.ms", "0");
      try (var out = Files.newBufferedWriter(config)) {
        properties.store(out, "written by EmbeddedKafkaServer");
      }
      return config;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The controller port is kept beside the data so a restarted broker finds its quorum again. */
  private int controllerPort() throws IOException {
    Path file = dataDirectory.resolve("controller.port");
    if (Files.exists(file)) {
      return Integer.parseInt(Files.readString(file).trim());
    }
    int controllerPort;
    do {
      controllerPort = Ports.free();
    } while (controllerPort == port);
    Files.writeString(file, Integer.toString(controllerPort));
    return controllerPort;
  }

  private void format(Path config) {
    try {
      Files.createDirectories(log.getParent());
      var formatting =
          new ProcessBuilder(
                  ChildProcess.javaExecutable(), "-Dlogback.configurationFile=" + quietLogging(),
                  "-cp", System.getProperty("java.class.path"), "kafka.tools.StorageTool", "format",
                  "-t", Uuid.randomUuid().toString(), "-c", config.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      if (!formatting.waitFor(2, TimeUnit.MINUTES) || formatting.exitValue() != 0) {
        throw new IllegalStateException("formatting Kafka storage failed; see " + log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Logback otherwise logs at DEBUG when it finds no configuration. */
  private Path quietLogging() {
    try {
      Path file = dataDirectory.resolve("logback.xml");
      Files.writeString(
          file,
          """
          <configuration>
            <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
              <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>
            </appender>
            <root level="WARN"><appender-ref ref="out"/></root>
            <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
          </configuration>
          """);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
