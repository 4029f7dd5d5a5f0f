package app.tend.checkins.config;

import app.tend.checkins.CheckinServers;
import app.tend.testkit.PlatformParts;
import app.tend.testkit.Retention;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * checkin-service as the platform wires it: the platform's migrations of its outbox, inbox and audit
 * log ran over the tables the service's own made, its outbox relay sends from its database and
 * deletes only what it sent long ago, and its inbox forgets only old claims (see {@link Retention}).
 * The platform's own tests hold the rest of the contract.
 */
@SpringBootTest
class PlatformWiringIT {

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    CheckinServers.register(registry);
  }

  @Test
  void thePlatformsMigrationsOfItsPartsRanOverTheServicesOwnTables() throws Exception {
    PlatformParts.assertMigrated("checkins", "outbox", "inbox", "audit");
  }

  @Test
  void eventsPublishedLongerAgoThanTheRetentionAreDeletedAndNoEventStillToBeSent() throws Exception {
    Retention.assertOnlyEventsPublishedLongAgoAreDeleted("checkins");
  }

  @Test
  void claimsOlderThanTheirRetentionAreForgottenAndNoYoungerOne() throws Exception {
    Retention.assertOnlyClaimsOlderThanTheirRetentionAreForgotten("checkins");
  }
}
