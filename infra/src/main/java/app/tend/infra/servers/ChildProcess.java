package app.tend.infra.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server run as a separate operating-system process, with its output in a log file. Separate
 * processes are what let a test or the chaos run kill one part of Tend with SIGKILL.
 */
public final class ChildProcess implements AutoCloseable {

  private final Process process;
  private final Path log;

  private ChildProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts {@code command}; output and errors go to {@code log} (appended). */
  public static ChildProcess start(
      String name, List<String> command, Path workingDirectory, Map<String, String> environment, Path log) {
    try {
      Files.createDirectories(log.getParent());
      var builder =
          new ProcessBuilder(command)
              .directory(workingDirectory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(environment);
      var process = builder.start();
      // A JVM that dies without running its shutdown hooks still must not leave servers behind;
      // the hook covers Ctrl-C and normal exits.
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process, 20), "stop-" + name));
      return new ChildProcess(process, log);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name, e);
    }
  }

  /** The java launcher of the JVM this code runs in, so children use the same JDK. */
  public static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The operating system's process id, to read its memory use. */
  public long pid() {
    return process.pid();
  }

  public Path log() {
    return log;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Ends the process the hard way, like a crash: no shutdown hooks, no flush. */
  public void kill() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    waitFor(process, 30);
  }

  /** Freezes the process and its children (SIGSTOP): connections are accepted, nothing answers. */
  public void freeze() {
    signal("STOP");
  }

  /** Lets a frozen process run again (SIGCONT). */
  public void thaw() {
    signal("CONT");
  }

  private void signal(String signal) {
    var pids = new java.util.ArrayList<String>();
    pids.add(Long.toString(process.pid()));
    process.descendants().forEach(child -> pids.add(Long.toString(child.pid())));
    var command = new java.util.ArrayList<>(List.of("kill", "-" + signal));
    command.addAll(pids);
    try {
      int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
      if (exit != 0) {
        throw new IllegalStateException("kill -" + signal + " answered " + exit);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Asks the process to stop (SIGTERM), and kills it when it has not stopped in time. */
  @Override
  public void close() {
    stop(process, 30);
  }

  private static void stop(Process process, int seconds) {
    if (!process.isAlive()) {
      return;
    }
    var descendants = process.descendants().toList();
    process.destroy();
    if (!waitFor(process, seconds)) {
      descendants.forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      waitFor(process, 10);
    }
    descendants.forEach(ProcessHandle::destroyForcibly);
  }

  private static boolean waitFor(Process process, int seconds) {
    try {
      return process.waitFor(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
