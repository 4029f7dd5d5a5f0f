package app.tend.accounts.config;

import app.tend.accounts.TestClinics;
import app.tend.testkit.OutboxOrder;
import app.tend.testkit.Retention;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * accounts-service as the platform wires it: its outbox relay runs against its own database, sends
 * a row that commits late (see {@link OutboxOrder}) and deletes only what it sent long ago (see
 * {@link Retention}).
 */
@SpringBootTest
class PlatformWiringIT {

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    TestClinics.servers(registry);
  }

  @Test
  void aRowThatCommitsWhileABatchPastItIsInFlightIsStillSent() throws Exception {
    OutboxOrder.assertLateCommitIsSent("accounts");
  }

  @Test
  void eventsPublishedLongerAgoThanTheRetentionAreDeletedAndNoEventStillToBeSent() throws Exception {
    Retention.assertOnlyEventsPublishedLongAgoAreDeleted("accounts");
  }
}
