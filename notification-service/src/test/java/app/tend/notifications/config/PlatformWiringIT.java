package app.tend.notifications.config;

import app.tend.notifications.NotificationServers;
import app.tend.testkit.PlatformParts;
import app.tend.testkit.Retention;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * notification-service as the platform wires it: the platform's migrations of its inbox ran over the
 * table the service's own made, and its inbox forgets only old claims (see {@link Retention}).
 */
@SpringBootTest(properties = "tend.email.enabled=false")
class PlatformWiringIT {

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    NotificationServers.register(registry);
  }

  @Test
  void thePlatformsMigrationsOfItsInboxRanOverTheServicesOwnTable() throws Exception {
    PlatformParts.assertMigrated("notifications", "inbox");
  }

  @Test
  void claimsOlderThanTheirRetentionAreForgottenAndNoYoungerOne() throws Exception {
    Retention.assertOnlyClaimsOlderThanTheirRetentionAreForgotten("notifications");
  }
}
