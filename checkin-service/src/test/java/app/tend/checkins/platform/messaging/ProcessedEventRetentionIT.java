package app.tend.checkins.platform.messaging;

import app.tend.checkins.CheckinServers;
import app.tend.testkit.Retention;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Claims of handled events are kept for their retention and then forgotten (see {@link Retention}). */
@SpringBootTest
class ProcessedEventRetentionIT {

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    CheckinServers.register(registry);
  }

  @Test
  void claimsOlderThanTheirRetentionAreForgottenAndNoYoungerOne() throws Exception {
    Retention.assertOnlyClaimsOlderThanTheirRetentionAreForgotten("checkins");
  }
}
