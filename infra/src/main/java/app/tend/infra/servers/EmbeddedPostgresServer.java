package app.tend.infra.servers;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real PostgreSQL server from the binaries inside zonky's jar. Given a data directory it keeps its
 * data between runs; without one it starts empty and is thrown away when closed.
 */
public final class EmbeddedPostgresServer implements PostgresEndpoint, AutoCloseable {

  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts a server.
   *
   * @param port the port, or 0 for any free one
   * @param dataDirectory where the cluster lives, or null for a throw-away one
   */
  public static EmbeddedPostgresServer start(int port, Path dataDirectory) {
    try {
      var builder =
          EmbeddedPostgres.builder()
              .setPGStartupWait(Duration.ofSeconds(60))
              // Enough for five services' pools plus Keycloak and a benchmark's load.
              .setServerConfig("max_connections", "300")
              .setServerConfig("shared_buffers", "64MB");
      if (port > 0) {
        builder.setPort(port);
      }
      if (dataDirectory != null) {
        builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
      }
      return new EmbeddedPostgresServer(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start", e);
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
