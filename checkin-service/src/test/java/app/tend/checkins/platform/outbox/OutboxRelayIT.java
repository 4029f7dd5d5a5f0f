package app.tend.checkins.platform.outbox;

import app.tend.checkins.CheckinServers;
import app.tend.testkit.OutboxOrder;
import app.tend.testkit.Retention;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The relay sends a row whose transaction commits after a batch past it was read (see {@link OutboxOrder}), and deletes
 * only what it sent long ago (see {@link Retention}).
 */
@SpringBootTest
class OutboxRelayIT {

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
}
