package app.tend.infra.chaos;

import app.tend.infra.stack.CommandLine;
import app.tend.infra.stack.IsolatedTend;
import app.tend.infra.stack.Stack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./tend chaos}: a whole Tend of its own (servers and apps in {@code .tend/chaos/}, on free
 * ports, so a running {@code ./tend up} is not touched), a clinic of couples under load, and every
 * part killed in turn. Prints the table and writes it to {@code .tend/chaos/report.md}; exits 1 when
 * anything was lost, duplicated or left hanging.
 *
 * <p>Options: {@code --couples N} (8), {@code --outage SECONDS} (10), {@code --settle SECONDS} (10).
 */
public final class ChaosCommand {

  private ChaosCommand() {}

  public static void main(String[] args) {
    // Each request of the load goes on a connection of its own (see ChaosLoad).
    System.setProperty("jdk.httpclient.allowRestrictedHeaders", "connection");
    CommandLine.quietLogging();
    // zonky logs its failed pg_ctl stop of a killed server as an error; the restart expects it.
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.zonky")).setLevel(ch.qos.logback.classic.Level.OFF);
    int couples = CommandLine.option(args, "--couples", 8);
    var settings = new ChaosRun.Settings(Duration.ofSeconds(10), Duration.ofSeconds(CommandLine.option(args, "--outage", 10)),
        Duration.ofSeconds(CommandLine.option(args, "--settle", 10)), Duration.ofMinutes(3));
    List<String> failures;
    Path root = CommandLine.projectRoot();
    Path home = root.resolve(".tend").resolve("chaos");
    try (var tend = IsolatedTend.start(root, home, new Stack.Options(false, true), ChaosCommand::say)) {
      say("Enrolling " + couples + " couples in a clinic of their own; their partners join through their invitation e-mails …");
      var clinic = tend.demoData().clinicWithCouples("Chaos clinic", "chaos.test", couples);
      var faults = new ArrayList<>(Faults.apps(tend.stack()));
      faults.addAll(Faults.servers(tend.postgres(), tend.kafka(), tend.keycloak()));
      var load = new ChaosLoad(tend.stack().gatewayUrl(), tend.keycloakAdmin(), clinic.couples(), Duration.ofMillis(100));
      var audit = new ChaosAudit(tend.postgres(), clinic.clinicId(), Instant.now());
      var report = ChaosRun.run(load, audit, faults, settings, line -> say("  " + line));
      String table = report.table();
      Files.writeString(home.resolve("report.md"), table);
      say("");
      say(table);
      say("Written to " + home.resolve("report.md") + "; the apps' and servers' logs are in " + home.resolve("logs"));
      failures = report.failures();
      failures.forEach(failure -> say("FAILED: " + failure));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.exit(failures.isEmpty() ? 0 : 1);
  }

  private static void say(String line) {
    System.out.println(line);
  }
}
