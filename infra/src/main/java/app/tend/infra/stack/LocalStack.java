package app.tend.infra.stack;

import app.tend.infra.servers.EmbeddedKafkaServer;
import app.tend.infra.servers.EmbeddedKeycloakServer;
import app.tend.infra.servers.EmbeddedMailServer;
import app.tend.infra.servers.EmbeddedPostgresServer;
import app.tend.infra.servers.KafkaEndpoint;
import app.tend.infra.servers.KeycloakAdmin;
import app.tend.infra.servers.KeycloakEndpoint;
import app.tend.infra.servers.MailEndpoint;
import app.tend.infra.servers.PostgresEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The whole of Tend on one machine: real PostgreSQL, Kafka and Keycloak (or existing ones named by
 * environment variables), the five apps, and demo data the first time. Data lives in {@code .tend/}
 * and survives restarts; {@code --fresh} starts from nothing. Ctrl-C stops everything.
 */
public final class LocalStack {

  private LocalStack() {}

  public static void main(String[] args) throws InterruptedException {
    // The servers' own chatter goes to their logs; this console is for the person starting Tend.
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    boolean fresh = List.of(args).contains("--fresh");
    Path root = Path.of(System.getenv().getOrDefault("TEND_PROJECT_ROOT", ".")).toAbsolutePath().normalize();
    Path home = root.resolve(".tend");
    Path data = home.resolve("data");
    Path logs = home.resolve("logs");
    if (fresh) {
      delete(data);
      delete(home.resolve("mail"));
      say("Starting fresh: earlier data removed.");
    }
    long started = System.nanoTime();
    List<AutoCloseable> toClose = new ArrayList<>();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      say("Stopping Tend…");
      for (int i = toClose.size() - 1; i >= 0; i--) {
        try {
          toClose.get(i).close();
        } catch (Exception e) {
          say("  could not stop cleanly: " + e.getMessage());
        }
      }
      say("Stopped.");
    }, "stop-tend"));

    PostgresEndpoint postgres = externalPostgres();
    if (postgres == null) {
      say("Starting PostgreSQL on port 5433 …");
      var server = EmbeddedPostgresServer.start(5433, data.resolve("postgres"));
      toClose.add(server);
      postgres = server;
    }
    KafkaEndpoint kafka = externalKafka();
    if (kafka == null) {
      say("Starting Kafka on port 9092 …");
      var server = EmbeddedKafkaServer.start(9092, data.resolve("kafka"), logs.resolve("kafka.log"));
      toClose.add(server);
      kafka = server;
    }
    KeycloakEndpoint keycloak = externalKeycloak();
    if (keycloak == null) {
      say("Starting Keycloak on port 8180 (the very first start also builds it: about a minute) …");
      var server = EmbeddedKeycloakServer.start(8180, data.resolve("keycloak"), logs.resolve("keycloak.log"));
      toClose.add(server);
      keycloak = server;
    }
    MailEndpoint mail = externalMail();
    EmbeddedMailServer mailCatcher = null;
    if (mail == null) {
      say("Starting the mail catcher (SMTP on port 3025; what it receives is kept in " + root.relativize(home.resolve("mail")) + "/) …");
      mailCatcher = EmbeddedMailServer.start(3025);
      toClose.add(mailCatcher);
      toClose.add(MailDrop.start(mailCatcher, home.resolve("mail")));
      mail = mailCatcher;
    }
    var keycloakAdmin = new KeycloakAdmin(keycloak);
    keycloakAdmin.ensureRealm("http://localhost:8080", mail);

    say("Starting Tend's five apps (logs in " + root.relativize(logs) + "/) …");
    var stack = Stack.start(root, home, Stack.Ports.local(), postgres, kafka, keycloak, mail, new Stack.Options(true, false));
    toClose.add(stack);

    var demo = new DemoData(stack.gatewayUrl(), keycloakAdmin, mailCatcher == null ? null : DemoData.inboxOf(mailCatcher));
    if (!demo.isLoaded()) {
      if (mailCatcher == null) {
        throw new IllegalStateException("Partners join the demo through their invitation e-mails, which only the built-in mail catcher "
            + "lets this program read: start once without SMTP_HOST to load the demo data.");
      }
      say("Loading demo data: a clinic, a clinician and two couples with four weeks of check-ins …");
      demo.load();
    }
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    say("");
    say("Tend is running (ready in " + seconds + " s). Open " + stack.webUiUrl());
    say("");
    say("  Demo logins:");
    for (String[] login : DemoData.LOGINS) {
      say(String.format("    %-28s %-14s %s", login[0], login[1], login[2]));
    }
    say("");
    say("  Gateway (API)   " + stack.gatewayUrl() + "   e.g. " + stack.gatewayUrl() + "/api/checkins/openapi");
    say("  Keycloak        " + keycloak.baseUrl() + "   (admin / admin)");
    if (mailCatcher != null) {
      say("  E-mail          " + home.resolve("mail") + "   (every message Tend sends, e.g. invitations)");
    }
    say("  Logs            " + logs);
    say("");
    say("Press Ctrl-C to stop everything. Data is kept in " + data + "; ./tend up --fresh starts over.");
    new CountDownLatch(1).await();
  }

  private static PostgresEndpoint externalPostgres() {
    String host = System.getenv("TEND_POSTGRES_HOST");
    if (host == null) {
      return null;
    }
    int port = Integer.parseInt(System.getenv().getOrDefault("TEND_POSTGRES_PORT", "5432"));
    String user = System.getenv().getOrDefault("TEND_POSTGRES_USER", "postgres");
    String password = System.getenv().getOrDefault("TEND_POSTGRES_PASSWORD", "postgres");
    say("Using PostgreSQL at " + host + ":" + port);
    return new PostgresEndpoint() {
      public String host() { return host; }
      public int port() { return port; }
      public String username() { return user; }
      public String password() { return password; }
    };
  }

  private static MailEndpoint externalMail() {
    String host = System.getenv("SMTP_HOST");
    if (host == null) {
      return null;
    }
    int port = Integer.parseInt(System.getenv().getOrDefault("SMTP_PORT", "25"));
    say("Using the SMTP server at " + host + ":" + port);
    return new MailEndpoint() {
      public String host() { return host; }
      public int smtpPort() { return port; }
    };
  }

  private static KafkaEndpoint externalKafka() {
    String bootstrap = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
    if (bootstrap == null) {
      return null;
    }
    say("Using Kafka at " + bootstrap);
    return () -> bootstrap;
  }

  private static KeycloakEndpoint externalKeycloak() {
    String url = System.getenv("KEYCLOAK_URL");
    if (url == null) {
      return null;
    }
    String user = System.getenv().getOrDefault("KEYCLOAK_ADMIN_USER", "admin");
    String password = System.getenv().getOrDefault("KEYCLOAK_ADMIN_PASSWORD", "admin");
    say("Using Keycloak at " + url);
    return new KeycloakEndpoint() {
      public String baseUrl() { return url; }
      public String adminUsername() { return user; }
      public String adminPassword() { return password; }
    };
  }

  /** Deletes {@code directory} and everything in it, if it exists. */
  public static void delete(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (var paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void say(String line) {
    System.out.println(line);
  }
}
