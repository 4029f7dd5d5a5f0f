package app.tend.infra.bench;

import app.tend.infra.stack.CommandLine;
import app.tend.infra.stack.IsolatedTend;
import app.tend.infra.stack.Stack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;

/**
 * {@code ./tend bench}: a whole Tend of its own (in {@code .tend/bench/}), a clinic of couples
 * enrolled through the real services with four weeks of history, and each scenario measured beside
 * its baseline. Prints the tables and writes them to {@code .tend/bench/report.md} and {@code report.json}.
 *
 * <p>Options: {@code --couples N} in the clinician's caseload (60), {@code --workers N} (16, at most
 * two per couple), {@code --warmup SECONDS} (45, once for the whole stack and again before each
 * load: the JIT still compiles through 15 s), {@code --seconds SECONDS} measured per load (20),
 * {@code --reminders N} due at once in the burst (100000).
 */
public final class BenchCommand {

  private BenchCommand() {}

  public static void main(String[] args) throws IOException {
    CommandLine.quietLogging();
    int couples = CommandLine.option(args, "--couples", 60);
    var settings = new BenchRun.Settings(Duration.ofSeconds(CommandLine.option(args, "--warmup", 45)),
        Duration.ofSeconds(CommandLine.option(args, "--seconds", 20)), CommandLine.option(args, "--workers", 16),
        Duration.ofSeconds(60), CommandLine.option(args, "--reminders", 100_000));
    Path root = CommandLine.projectRoot();
    Path home = root.resolve(".tend").resolve("bench");
    // History import on, for the caseload's four weeks. The per-person rate limit still runs, at a
    // rate no load reaches: a handful of people saturate the gateway.
    try (var tend = IsolatedTend.start(root, home, new Stack.Options(true, true, true), BenchCommand::say)) {
      say("Enrolling " + couples + " couples; their partners join through their invitation e-mails …");
      var demo = tend.demoData();
      var clinic = demo.clinicWithCouples("Bench clinic", "bench.test", couples);
      say("Importing four weeks of history for each partner …");
      demo.importHistory(clinic);
      var servers = new LinkedHashMap<String, Long>();
      servers.put("PostgreSQL", tend.postgres().pid());
      servers.put("Kafka", tend.kafka().pid());
      servers.put("Keycloak", tend.keycloak().process().pid());
      var target = new BenchRun.Target(tend.stack(), tend.keycloakAdmin(), clinic.couples(), "clinician@bench.test", tend.postgres(),
          tend.kafka(), servers, home);
      var report = BenchRun.run(target, settings, line -> say("  " + line));
      Files.writeString(home.resolve("report.md"), report.markdown());
      Files.writeString(home.resolve("report.json"), report.json());
      say("");
      say(report.markdown());
      say("Written to " + home.resolve("report.md") + " and report.json; the logs are in " + home.resolve("logs"));
    }
    System.exit(0);
  }

  private static void say(String line) {
    System.out.println(line);
  }
}
