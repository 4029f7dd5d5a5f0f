package app.tend.infra.servers;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real PostgreSQL server from the binaries inside zonky's jar. Given a data directory it keeps its
 * data between runs and can be killed and started again on it; without one it starts empty and is
 * thrown away when closed.
 */
public final class EmbeddedPostgresServer implements PostgresEndpoint, AutoCloseable {

  private final Path dataDirectory;
  private volatile EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(Path dataDirectory, EmbeddedPostgres postgres) {
    this.dataDirectory = dataDirectory;
    this.postgres = postgres;
  }

  /**
   * Starts a server.
   *
   * @param port the port, or 0 for any free one
   * @param dataDirectory where the cluster lives, or null for a throw-away one
   */
  public static EmbeddedPostgresServer start(int port, Path dataDirectory) {
    return new EmbeddedPostgresServer(dataDirectory, postmaster(port, dataDirectory));
  }

  private static EmbeddedPostgres postmaster(int port, Path dataDirectory) {
    try {
      var builder =
          EmbeddedPostgres.builder()
              .setPGStartupWait(Duration.ofSeconds(60))
              // Enough for five services' pools plus Keycloak and a benchmark's load.
              .setServerConfig("max_connections", "300")
              .setServerConfig("shared_buffers", "64MB")
              // zonky turns this off for speed; then a commit that a service has already confirmed
              // is lost when the server is killed. The chaos run found it.
              .setServerConfig("synchronous_commit", "on");
      if (port > 0) {
        builder.setPort(port);
      }
      if (dataDirectory != null) {
        builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
      }
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start", e);
    }
  }

  /**
   * SIGKILL to the postmaster and every backend, as when its container is killed: nothing is
   * flushed or shut down. Start it again with {@link #restart()}.
   */
  public synchronized void kill() {
    var postmaster = ProcessHandle.of(postmasterPid()).orElseThrow(() -> new IllegalStateException("PostgreSQL is not running"));
    var backends = postmaster.descendants().toList();
    postmaster.destroyForcibly();
    backends.forEach(ProcessHandle::destroyForcibly);
    postmaster.onExit().join();
    backends.forEach(backend -> backend.onExit().join());
  }

  /** Starts the server again on the same port and data, after its crash recovery. */
  public synchronized void restart() {
    int port = port();
    try {
      postgres.close();
    } catch (IOException | RuntimeException e) {
      // Its pg_ctl stop finds no server after a kill; closing still releases the data directory's lock.
    }
    postgres = postmaster(port, dataDirectory);
  }

  /** The postmaster's process id; the backends are its children. */
  public long pid() {
    return postmasterPid();
  }

  private long postmasterPid() {
    if (dataDirectory == null) {
      throw new IllegalStateException("a throw-away PostgreSQL cannot come back after a kill: give it a data directory");
    }
    try {
      return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).getFirst().trim());
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL is not running", e);
    }
  }

  @Override
  public String host() {
    return "localhost";
  }

  @Override
  public int port() {
    return postgres.getPort();
  }

  @Override
  public String username() {
    return "postgres";
  }

  @Override
  public String password() {
    return "postgres";
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
    }
  }
}
