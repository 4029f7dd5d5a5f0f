package app.tend.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.tend.testkit.OutboxOrder;
import app.tend.testkit.Retention;
import app.tend.testkit.TendTestProperties;
import app.tend.testkit.TestInfrastructure;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The platform's outbox and inbox, on a database that only the platform's own migrations made,
 * against real PostgreSQL and Kafka: the relay sends a row that commits late and deletes only what
 * it sent long ago, and the inbox forgets only old claims. The contracts run here, once; each
 * service's {@code PlatformWiringIT} shows them wired into that service.
 */
@SpringBootTest(
    classes = PlatformTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "spring.application.name=platform-contracts",
      "tend.outbox.enabled=true",
      "tend.inbox.enabled=true",
      "spring.kafka.producer.value-serializer=org.apache.kafka.common.serialization.ByteArraySerializer",
      "spring.kafka.producer.acks=all",
      "spring.kafka.consumer.value-deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer"
    })
class PlatformContractsIT {

  private static final String DATABASE = "platform";

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    TendTestProperties.postgres(registry, DATABASE);
    TendTestProperties.kafka(registry);
    TendTestProperties.retention(registry);
  }

  @Test
  void eachEnabledPartMadeItsTablesWithAHistoryOfItsOwn() throws Exception {
    var postgres = TestInfrastructure.postgres(DATABASE);
    try (var connection = DriverManager.getConnection(postgres.jdbcUrl(DATABASE), postgres.username(), postgres.password());
        var tables = connection.createStatement().executeQuery(
            "select table_name from information_schema.tables where table_schema = 'public' order by table_name")) {
      List<String> names = new ArrayList<>();
      while (tables.next()) {
        names.add(tables.getString(1));
      }
      assertThat(names).contains("outbox_event", "outbox_lease", "processed_event", "platform_outbox_history", "platform_inbox_history")
          .as("the audit log is not enabled here").doesNotContain("audit_event", "platform_audit_history");
    }
  }

  @Test
  void aRowThatCommitsWhileABatchPastItIsInFlightIsStillSent() throws Exception {
    OutboxOrder.assertLateCommitIsSent(DATABASE);
  }

  @Test
  void eventsPublishedLongerAgoThanTheRetentionAreDeletedAndNoEventStillToBeSent() throws Exception {
    Retention.assertOnlyEventsPublishedLongAgoAreDeleted(DATABASE);
  }

  @Test
  void claimsOlderThanTheirRetentionAreForgottenAndNoYoungerOne() throws Exception {
    Retention.assertOnlyClaimsOlderThanTheirRetentionAreForgotten(DATABASE);
  }
}
