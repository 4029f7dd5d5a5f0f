package app.tend.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;

/** Which parts of the platform a service's database carries, as the platform's migrations recorded them. */
public final class PlatformParts {

  private PlatformParts() {}

  /** Fails unless each part's migrations ran on {@code database}, after the service's own, and all succeeded. */
  public static void assertMigrated(String database, String... parts) throws Exception {
    var postgres = TestInfrastructure.postgres(database);
    try (var connection = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password())) {
      for (String part : parts) {
        try (var history = connection.createStatement().executeQuery(
            "select count(*) filter (where type = 'SQL' and success), count(*) filter (where not success) from platform_" + part + "_history")) {
          history.next();
          assertThat(history.getInt(1)).as("migrations of the platform's %s that succeeded on %s", part, database).isPositive();
          assertThat(history.getInt(2)).as("migrations of the platform's %s that failed on %s", part, database).isZero();
        }
      }
    }
  }
}
