package app.tend.infra.servers;

import java.sql.DriverManager;
import java.sql.SQLException;

/** Where a real PostgreSQL server answers, however it was started. */
public interface PostgresEndpoint {

  String host();

  int port();

  String username();

  String password();

  default String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
  }

  default String r2dbcUrl(String database) {
    return "r2dbc:postgresql://" + host() + ":" + port() + "/" + database;
  }

  /** Creates {@code database} unless it exists; each service owns one. */
  default void ensureDatabase(String database) {
    if (!database.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("not a plain database name: " + database);
    }
    try (var connection = DriverManager.getConnection(jdbcUrl("postgres"), username(), password());
        var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
      exists.setString(1, database);
      try (var rows = exists.executeQuery()) {
        if (!rows.next()) {
          try (var create = connection.createStatement()) {
            create.execute("create database " + database);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + database, e);
    }
  }
}
