package app.tend.checkins.config;

import app.tend.checkins.CheckinServers;
import app.tend.testkit.OutboxOrder;
import app.tend.testkit.Retention;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * checkin-service as the platform wires it: its outbox relay sends a row that commits late (see
 * {@link OutboxOrder}) and deletes only what it sent long ago, and its inbox forgets only old claims
 * (see {@link Retention}).
 */
@SpringBootTest
class PlatformWiringIT {

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    CheckinServers.register(registry);
  }

  @Test
  void aRowThatCommitsWhileABatchPastItIsInFlightIsStillSent() throws Exception {
    OutboxOrder.assertLateCommitIsSent("checkins");
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
