package app.tend.infra.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

/**
 * A real Keycloak, from the distribution that Maven Central serves, run as its own process.
 *
 * <p>The distribution is unpacked once per machine into a shared home; its one-off build step
 * (about 20 s) then never repeats. Each server keeps its own database in the data directory it is
 * given, so the local stack and a test run can share the home without sharing users.
 */
public final class EmbeddedKeycloakServer implements KeycloakEndpoint, AutoCloseable {

  public static final String VERSION = "26.5.6";
  private static final String ADMIN = "admin";
  private static final String ADMIN_PASSWORD = "admin";

  private final List<String> command;
  private final Map<String, String> environment;
  private final Path home;
  private final Path log;
  private final int httpPort;
  private final int managementPort;
  private volatile ChildProcess process;

  private EmbeddedKeycloakServer(List<String> command, Map<String, String> environment, Path home, Path log, int httpPort, int managementPort) {
    this.command = command;
    this.environment = environment;
    this.home = home;
    this.log = log;
    this.httpPort = httpPort;
    this.managementPort = managementPort;
  }

  /**
   * Starts Keycloak and waits until it is ready.
   *
   * @param httpPort the port, or 0 for any free one
   * @param dataDirectory where its database lives; kept between runs
   * @param log the log file
   */
  public static EmbeddedKeycloakServer start(int httpPort, Path dataDirectory, Path log) {
    Path home = installedHome();
    int port = httpPort > 0 ? httpPort : Ports.free();
    int managementPort = Ports.free();
    try {
      Files.createDirectories(dataDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> command = new ArrayList<>();
    command.add(home.resolve("bin/kc.sh").toString());
    command.add("start-dev");
    command.add("--http-port=" + port);
    command.add("--http-management-port=" + managementPort);
    command.add("--health-enabled=true");
    command.add("--db-url=jdbc:h2:file:" + dataDirectory.toAbsolutePath().resolve("keycloakdb") + ";NON_KEYWORDS=VALUE");
    var environment =
        Map.of(
            "JAVA_HOME", System.getProperty("java.home"),
            "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN,
            "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD,
            // Java 25 otherwise throws at shutdown; a modest heap keeps a test run lean.
            "JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
    var server = new EmbeddedKeycloakServer(List.copyOf(command), environment, home, log, port, managementPort);
    server.restart();
    return server;
  }

  /** Starts Keycloak (again, after {@link #kill()}) on the same ports and database, and waits until it is ready. */
  public synchronized void restart() {
    if (process != null && process.isAlive()) {
      return;
    }
    var child = ChildProcess.start("keycloak", command, home, environment, log);
    process = child;
    Ports.await(
        "Keycloak (log: " + log + ")",
        Duration.ofMinutes(4),
        child::isAlive,
        () -> HttpProbe.ok("http://localhost:" + managementPort + "/health/ready"));
  }

  /** SIGKILL, as a crash would do it. */
  public synchronized void kill() {
    process.kill();
  }

  /** The unpacked distribution, unpacking it first if this machine has none yet. */
  static synchronized Path installedHome() {
    Path cache =
        Path.of(
            System.getenv().getOrDefault("TEND_CACHE", Path.of(System.getProperty("user.home"), ".cache", "tend").toString()));
    Path home = cache.resolve("keycloak-" + VERSION);
    if (Files.isExecutable(home.resolve("bin/kc.sh"))) {
      return home;
    }
    Path zip = MavenRepository.artifact("org.keycloak", "keycloak-quarkus-dist", VERSION, "zip");
    try {
      Files.createDirectories(cache);
      Path unpacking = Files.createTempDirectory(cache, "keycloak-unpacking-");
      unzip(zip, unpacking);
      Files.move(unpacking.resolve("keycloak-" + VERSION), home, StandardCopyOption.ATOMIC_MOVE);
      Files.delete(unpacking);
      return home;
    } catch (IOException e) {
      throw new UncheckedIOException("could not unpack " + zip, e);
    }
  }

  private static void unzip(Path zip, Path target) throws IOException {
    try (var file = new ZipFile(zip.toFile())) {
      for (var entries = file.entries(); entries.hasMoreElements(); ) {
        var entry = entries.nextElement();
        Path out = target.resolve(entry.getName()).normalize();
        if (!out.startsWith(target)) {
          throw new IOException("zip entry outside the target: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(out);
          continue;
        }
        Files.createDirectories(out.getParent());
        try (var in = file.getInputStream(entry)) {
          Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        }
        if (entry.getName().endsWith(".sh")) {
          out.toFile().setExecutable(true);
        }
      }
    }
  }

  @Override
  public String baseUrl() {
    return "http://localhost:" + httpPort;
  }

  @Override
  public String adminUsername() {
    return ADMIN;
  }

  @Override
  public String adminPassword() {
    return ADMIN_PASSWORD;
  }

  public ChildProcess process() {
    return process;
  }

  @Override
  public void close() {
    process.close();
  }
}
