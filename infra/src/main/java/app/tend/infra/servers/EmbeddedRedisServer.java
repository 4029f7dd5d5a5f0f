package app.tend.infra.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real Redis server on loopback, run as its own process from the {@code redis-server} binary that
 * the embedded-redis jar carries (Redis 6.2), so no package needs installing. It keeps nothing on
 * disk: what it holds (the gateways' rate-limit buckets) is meant to be forgotten.
 */
public final class EmbeddedRedisServer implements AutoCloseable {

  /** The binaries in the jar, by {@code os.arch}; other machines use a {@code redis-server} on the PATH. */
  private static final Map<String, String> BINARY_BY_ARCH =
      Map.of("amd64", "redis-server-6.2.6-v5-linux-amd64", "aarch64", "redis-server-6.2.7-linux-arm64");

  private final int port;
  private final Path directory;
  private final Path log;
  private ChildProcess process;

  private EmbeddedRedisServer(int port, Path directory, Path log) {
    this.port = port;
    this.directory = directory;
    this.log = log;
  }

  /**
   * Starts the server and waits until it answers.
   *
   * @param port the port, or 0 for any free one
   * @param directory where the binary is unpacked and the server runs
   * @param log the server's log file
   */
  public static EmbeddedRedisServer start(int port, Path directory, Path log) {
    var server = new EmbeddedRedisServer(port > 0 ? port : Ports.free(), directory, log);
    server.start();
    return server;
  }

  /** Starts the server again after {@link #kill()}, on the same port (and empty). */
  public synchronized void start() {
    if (process != null && process.isAlive()) {
      return;
    }
    process =
        ChildProcess.start(
            "redis",
            List.of(executable(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", directory.toString()),
            directory,
            Map.of(),
            log);
    Ports.await("Redis (log: " + log + ")", Duration.ofSeconds(30), process::isAlive, () -> Ports.isOpen("127.0.0.1", port));
  }

  /** SIGKILL, as a crash would do it. */
  public synchronized void kill() {
    if (process != null) {
      process.kill();
    }
  }

  /** The address clients use, for example {@code redis://127.0.0.1:6379}. */
  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  @Override
  public synchronized void close() {
    if (process != null) {
      process.close();
    }
  }

  private String executable() {
    String binary = "linux".equalsIgnoreCase(System.getProperty("os.name")) ? BINARY_BY_ARCH.get(System.getProperty("os.arch")) : null;
    if (binary == null) {
      return "redis-server";
    }
    try (InputStream in = EmbeddedRedisServer.class.getResourceAsStream("/" + binary)) {
      if (in == null) {
        return "redis-server";
      }
      Files.createDirectories(directory);
      Path executable = directory.resolve("redis-server");
      Files.copy(in, executable, StandardCopyOption.REPLACE_EXISTING);
      Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwx------"));
      return executable.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("could not unpack " + binary, e);
    }
  }
}
