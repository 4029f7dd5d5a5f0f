package app.tend.notifications;

import app.tend.testkit.TendTestProperties;
import org.springframework.test.context.DynamicPropertyRegistry;

/** notification-service under test against this JVM's real PostgreSQL, Kafka, Keycloak and SMTP server. */
public final class NotificationServers {

  private NotificationServers() {}

  public static void register(DynamicPropertyRegistry registry) {
    TendTestProperties.postgres(registry, "notifications");
    TendTestProperties.retention(registry);
    TendTestProperties.kafka(registry);
    TendTestProperties.keycloak(registry);
    TendTestProperties.mail(registry);
  }
}
