package app.tend.infra.stack;

import app.tend.infra.servers.EmbeddedKafkaServer;
import app.tend.infra.servers.EmbeddedKeycloakServer;
import app.tend.infra.servers.EmbeddedMailServer;
import app.tend.infra.servers.EmbeddedPostgresServer;
import app.tend.infra.servers.KeycloakAdmin;
import app.tend.infra.servers.Ports;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A whole Tend of a command's own: servers and apps in {@code home}, on free ports, so a running
 * {@code ./tend up} is not touched. {@code ./tend chaos} and {@code ./tend bench} run on one.
 */
public final class IsolatedTend implements AutoCloseable {

  private final List<AutoCloseable> toClose = new ArrayList<>();
  private EmbeddedPostgresServer postgres;
  private EmbeddedKafkaServer kafka;
  private EmbeddedKeycloakServer keycloak;
  private EmbeddedMailServer mail;
  private KeycloakAdmin keycloakAdmin;
  private Stack stack;

  private IsolatedTend() {}

  /** Starts it all afresh in {@code home} (whatever was there is deleted). */
  public static IsolatedTend start(Path root, Path home, Stack.Options options, Consumer<String> say) {
    LocalStack.delete(home);
    var tend = new IsolatedTend();
    try {
      say.accept("Starting PostgreSQL, Kafka, Keycloak and a mail catcher of its own (in " + root.relativize(home) + "/) …");
      tend.postgres = tend.closing(EmbeddedPostgresServer.start(0, home.resolve("postgres")));
      tend.kafka = tend.closing(EmbeddedKafkaServer.start(0, home.resolve("kafka"), home.resolve("logs/kafka.log")));
      tend.keycloak = tend.closing(EmbeddedKeycloakServer.start(0, home.resolve("keycloak"), home.resolve("logs/keycloak.log")));
      tend.mail = tend.closing(EmbeddedMailServer.start(0));
      int[] free = Ports.free(5);
      var ports = new Stack.Ports(free[0], free[1], free[2], free[3], free[4]);
      tend.keycloakAdmin = new KeycloakAdmin(tend.keycloak);
      tend.keycloakAdmin.ensureRealm("http://localhost:" + ports.webUi(), tend.mail);
      say.accept("Starting Tend's five apps …");
      tend.stack = tend.closing(Stack.start(root, home, ports, tend.postgres, tend.kafka, tend.keycloak, tend.mail, options));
      return tend;
    } catch (RuntimeException e) {
      tend.close();
      throw e;
    }
  }

  private <T extends AutoCloseable> T closing(T part) {
    toClose.add(part);
    return part;
  }

  public EmbeddedPostgresServer postgres() {
    return postgres;
  }

  public EmbeddedKafkaServer kafka() {
    return kafka;
  }

  public EmbeddedKeycloakServer keycloak() {
    return keycloak;
  }

  public EmbeddedMailServer mail() {
    return mail;
  }

  public KeycloakAdmin keycloakAdmin() {
    return keycloakAdmin;
  }

  public Stack stack() {
    return stack;
  }

  /** Data for a load to run as: {@link DemoData#clinicWithCouples}, through this Tend's services. */
  public DemoData demoData() {
    return new DemoData(stack.gatewayUrl(), keycloakAdmin, DemoData.inboxOf(mail));
  }

  /** Stops the apps, then the servers, newest first. */
  @Override
  public void close() {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      try {
        toClose.get(i).close();
      } catch (Exception e) {
        System.out.println("could not stop cleanly: " + e.getMessage());
      }
    }
    toClose.clear();
  }
}
