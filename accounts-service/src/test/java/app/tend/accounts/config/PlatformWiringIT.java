package app.tend.accounts.config;

import app.tend.accounts.TestClinics;
import app.tend.testkit.PlatformParts;
import app.tend.testkit.Retention;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * accounts-service as the platform wires it: the platform's migrations of its outbox and audit log
 * ran over the tables the service's own made, and its outbox relay sends from its database and
 * deletes only what it sent long ago (see {@link Retention}). The platform's own tests hold the rest
 * of the outbox's contract.
 */
@SpringBootTest
class PlatformWiringIT {

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    TestClinics.servers(registry);
  }

  @Test
  void thePlatformsMigrationsOfItsPartsRanOverTheServicesOwnTables() throws Exception {
    PlatformParts.assertMigrated("accounts", "outbox", "audit");
  }

  @Test
  void eventsPublishedLongerAgoThanTheRetentionAreDeletedAndNoEventStillToBeSent() throws Exception {
    Retention.assertOnlyEventsPublishedLongAgoAreDeleted("accounts");
  }
}
