package app.tend.infra.stack;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/** What the {@code ./tend} commands share: their options, the project's folder, quiet logging. */
public final class CommandLine {

  private CommandLine() {}

  /** The number after {@code name} in {@code args}, or {@code fallback}. */
  public static int option(String[] args, String name, int fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return fallback;
  }

  /** The project's folder, which {@code ./tend} passes on. */
  public static Path projectRoot() {
    return Path.of(System.getenv().getOrDefault("TEND_PROJECT_ROOT", ".")).toAbsolutePath().normalize();
  }

  /** Warnings only: the command's own lines are what the reader follows. */
  public static void quietLogging() {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
  }
}
