package app.tend.testkit;

import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * How a test JVM gets its real servers. One rule for all of them: containers where a Docker engine
 * answers, embedded real servers where none does. {@code TEND_TEST_INFRA} (or the system property
 * {@code tend.test.infra}) can force either.
 */
public enum InfrastructureMode {
  /** PostgreSQL, Kafka and Keycloak as Testcontainers. */
  CONTAINERS,
  /** The same servers started from Maven Central's artifacts as processes on this machine. */
  EMBEDDED;

  /**
   * @param configured {@code containers}, {@code embedded}, {@code auto} or null (auto)
   * @param dockerAnswers asked only when the choice is automatic
   */
  public static InfrastructureMode select(String configured, BooleanSupplier dockerAnswers) {
    String choice = configured == null || configured.isBlank() ? "auto" : configured.trim().toLowerCase(Locale.ROOT);
    return switch (choice) {
      case "containers" -> CONTAINERS;
      case "embedded" -> EMBEDDED;
      case "auto" -> dockerAnswers.getAsBoolean() ? CONTAINERS : EMBEDDED;
      default -> throw new IllegalArgumentException(
          "tend.test.infra must be containers, embedded or auto, not '" + configured + "'");
    };
  }

  /** The mode for this JVM, from its configuration and the Docker engine (if any). */
  public static InfrastructureMode current() {
    String configured = System.getProperty("tend.test.infra", System.getenv("TEND_TEST_INFRA"));
    return select(configured, InfrastructureMode::dockerAnswers);
  }

  private static boolean dockerAnswers() {
    try {
      return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }
}
