package app.tend.infra.bench;

import app.tend.infra.stack.CommandLine;
import app.tend.infra.stack.IsolatedTend;
import app.tend.infra.stack.Stack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code ./tend bench}: a whole Tend of its own (in {@code .tend/bench/}), a clinic of couples
 * enrolled through the real services, and each scenario measured beside its baseline. Prints the
 * tables and writes them to {@code .tend/bench/report.md} and {@code report.json}.
 *
 * <p>Options: {@code --couples N} (16), {@code --workers N} (16, at most two per couple), {@code
 * --warmup SECONDS} (10), {@code --seconds SECONDS} measured per load (20).
 */
public final class BenchCommand {

  private BenchCommand() {}

  public static void main(String[] args) throws IOException {
    CommandLine.quietLogging();
    int couples = CommandLine.option(args, "--couples", 16);
    var settings = new BenchRun.Settings(Duration.ofSeconds(CommandLine.option(args, "--warmup", 10)),
        Duration.ofSeconds(CommandLine.option(args, "--seconds", 20)), CommandLine.option(args, "--workers", 16),
        Duration.ofSeconds(60));
    Path root = CommandLine.projectRoot();
    Path home = root.resolve(".tend").resolve("bench");
    // The per-person rate limit still runs, at a rate no load reaches: a handful of people saturate the gateway.
    try (var tend = IsolatedTend.start(root, home, new Stack.Options(false, true, true), BenchCommand::say)) {
      say("Enrolling " + couples + " couples; their partners join through their invitation e-mails …");
      var clinic = tend.clinicWithCouples("Bench clinic", "bench.test", couples);
      List<String> partners = clinic.couples().stream()
          .flatMap(couple -> Stream.of(couple.firstEmail(), couple.secondEmail())).toList();
      var servers = new LinkedHashMap<String, Long>();
      servers.put("PostgreSQL", tend.postgres().pid());
      servers.put("Kafka", tend.kafka().pid());
      servers.put("Keycloak", tend.keycloak().process().pid());
      var target = new BenchRun.Target(tend.stack(), tend.keycloakAdmin(), partners, tend.postgres(), servers, home);
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
