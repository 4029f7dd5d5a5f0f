package app.tend.infra.chaos;

import app.tend.infra.servers.EmbeddedKafkaServer;
import app.tend.infra.servers.EmbeddedKeycloakServer;
import app.tend.infra.servers.EmbeddedMailServer;
import app.tend.infra.servers.EmbeddedPostgresServer;
import app.tend.infra.servers.KeycloakAdmin;
import app.tend.infra.servers.Ports;
import app.tend.infra.stack.DemoData;
import app.tend.infra.stack.LocalStack;
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
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    // zonky logs its failed pg_ctl stop of a killed server as an error; the restart expects it.
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.zonky")).setLevel(ch.qos.logback.classic.Level.OFF);
    int couples = option(args, "--couples", 8);
    var settings = new ChaosRun.Settings(Duration.ofSeconds(10), Duration.ofSeconds(option(args, "--outage", 10)),
        Duration.ofSeconds(option(args, "--settle", 10)), Duration.ofMinutes(3));
    Path root = Path.of(System.getenv().getOrDefault("TEND_PROJECT_ROOT", ".")).toAbsolutePath().normalize();
    Path home = root.resolve(".tend").resolve("chaos");
    LocalStack.delete(home);
    List<AutoCloseable> toClose = new ArrayList<>();
    try {
      say("Starting PostgreSQL, Kafka, Keycloak and a mail catcher of the chaos run's own (in " + root.relativize(home) + "/) …");
      var postgres = EmbeddedPostgresServer.start(0, home.resolve("postgres"));
      toClose.add(postgres);
      var kafka = EmbeddedKafkaServer.start(0, home.resolve("kafka"), home.resolve("logs/kafka.log"));
      toClose.add(kafka);
      var keycloak = EmbeddedKeycloakServer.start(0, home.resolve("keycloak"), home.resolve("logs/keycloak.log"));
      toClose.add(keycloak);
      var mail = EmbeddedMailServer.start(0);
      toClose.add(mail);
      int[] free = Ports.free(5);
      var ports = new Stack.Ports(free[0], free[1], free[2], free[3], free[4]);
      var keycloakAdmin = new KeycloakAdmin(keycloak);
      keycloakAdmin.ensureRealm("http://localhost:" + ports.webUi(), mail);
      say("Starting Tend's five apps …");
      var stack = Stack.start(root, home, ports, postgres, kafka, keycloak, mail, new Stack.Options(false, true));
      toClose.add(stack);
      say("Enrolling " + couples + " couples in a clinic of their own; their partners join through their invitation e-mails …");
      var clinic = new DemoData(stack.gatewayUrl(), keycloakAdmin, DemoData.inboxOf(mail))
          .clinicWithCouples("Chaos clinic", "chaos.test", couples);
      var faults = new ArrayList<>(Faults.apps(stack));
      faults.addAll(Faults.servers(postgres, kafka, keycloak));
      var load = new ChaosLoad(stack.gatewayUrl(), keycloakAdmin, clinic.couples(), Duration.ofMillis(100));
      var audit = new ChaosAudit(postgres, clinic.clinicId(), Instant.now());
      var report = ChaosRun.run(load, audit, faults, settings, line -> say("  " + line));
      String table = report.table();
      Files.writeString(home.resolve("report.md"), table);
      say("");
      say(table);
      say("Written to " + home.resolve("report.md") + "; the apps' and servers' logs are in " + home.resolve("logs"));
      var failures = report.failures();
      failures.forEach(failure -> say("FAILED: " + failure));
      close(toClose);
      System.exit(failures.isEmpty() ? 0 : 1);
    } catch (IOException e) {
      close(toClose);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      close(toClose);
      throw e;
    }
  }

  private static int option(String[] args, String name, int fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return fallback;
  }

  private static void close(List<AutoCloseable> toClose) {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      try {
        toClose.get(i).close();
      } catch (Exception e) {
        say("could not stop cleanly: " + e.getMessage());
      }
    }
  }

  private static void say(String line) {
    System.out.println(line);
  }
}
