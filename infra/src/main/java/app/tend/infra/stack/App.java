package app.tend.infra.stack;

import app.tend.infra.servers.ChildProcess;
import app.tend.infra.servers.HttpProbe;
import app.tend.infra.servers.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One of Tend's five apps, run from the jar its module built.
 *
 * @param module the module folder, which is also the jar's name
 * @param port the HTTP port
 * @param heap the maximum heap, e.g. {@code 320m}
 * @param environment its configuration
 * @param quickStart whether the JIT stops at C1, which starts the app sooner on a busy machine but
 *     leaves its peak speed behind; the benchmarks run with the full JIT, as the containers do
 */
public record App(String module, int port, String heap, Map<String, String> environment, boolean quickStart) {

  /** The jar the Maven build made for this app. */
  public Path jar(Path projectRoot) {
    Path target = projectRoot.resolve(module).resolve("target");
    try (var files = Files.list(target)) {
      return files
          .filter(f -> f.getFileName().toString().matches(module + "-[0-9][^/]*\\.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no jar in " + target + ": build first (./tend up builds)"));
    } catch (IOException e) {
      throw new UncheckedIOException("no " + target + ": build first (./tend up builds)", e);
    }
  }

  /**
   * Starts the app from a copy of its jar in {@code workDirectory}/apps, so that a build running
   * meanwhile can replace the jar without pulling it from under the running app. Call
   * {@link #awaitReady} before relying on it.
   */
  public ChildProcess start(Path projectRoot, Path workDirectory) {
    Path jar;
    try {
      Path apps = Files.createDirectories(workDirectory.resolve("apps"));
      jar = Files.copy(jar(projectRoot), apps.resolve(module + ".jar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("could not copy the jar of " + module, e);
    }
    List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable(), "-Xms64m", "-Xmx" + heap, "-XX:+UseSerialGC"));
    if (quickStart) {
      command.add("-XX:TieredStopAtLevel=1");
    }
    command.addAll(List.of("-Dfile.encoding=UTF-8", "-jar", jar.toString()));
    var env = new java.util.HashMap<>(environment);
    env.put("PORT", Integer.toString(port));
    return ChildProcess.start(module, command, projectRoot, env, workDirectory.resolve("logs").resolve(module + ".log"));
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  /** Waits until the app's readiness probe answers UP. */
  public void awaitReady(ChildProcess process) {
    Ports.await(module + " (log: " + process.log() + ")", Duration.ofMinutes(3), process::isAlive,
        () -> HttpProbe.ok(baseUrl() + "/actuator/health/readiness"));
  }
}
