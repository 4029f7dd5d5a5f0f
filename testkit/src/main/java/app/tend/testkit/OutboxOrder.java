package app.tend.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.UUID;

/**
 * A service's outbox relay against transactions that commit out of id order. An outbox id is taken
 * at insert but the row becomes visible at commit, so a row with a smaller id can appear after the
 * relay has read a batch past it; it must still be sent, not marked published along with the batch.
 * platform's {@code PlatformContractsIT} runs this against a running relay.
 */
public final class OutboxOrder {

  private static final String TOPIC = "test.outbox-order.v1";

  private OutboxOrder() {}

  /** Fails unless a row that commits while the relay waits for Kafka to take a later row reaches the topic. */
  public static void assertLateCommitIsSent(String database) throws Exception {
    var postgres = TestInfrastructure.postgres(database);
    var kafka = TestInfrastructure.kafka();
    try (var slow = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password());
        var quick = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password())) {
      slow.setAutoCommit(false);
      UUID late = insert(slow);
      // The broker holds the relay's send of the next row unanswered while the earlier row commits.
      kafka.hang();
      UUID early;
      try {
        early = insert(quick);
        Thread.sleep(2000); // the relay polls every 500 ms: by now it has read the batch and waits for Kafka
        slow.commit();
      } finally {
        kafka.resume();
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> published(quick, early) && published(quick, late));
      var sent = TopicProbe.records(TOPIC, Duration.ofSeconds(10)).stream()
          .map(record -> new String(record.value(), StandardCharsets.UTF_8))
          .toList();
      assertThat(sent).as("both rows on the topic, the one that committed late too")
          .anyMatch(value -> value.contains(early.toString()))
          .anyMatch(value -> value.contains(late.toString()));
    }
  }

  private static UUID insert(Connection connection) throws Exception {
    return EventRows.insert(connection, TOPIC, "OrderProbe", "now()", "null");
  }

  private static boolean published(Connection connection, UUID eventId) throws Exception {
    return EventRows.found(connection, "select 1 from outbox_event where event_id = ? and published_at is not null", eventId);
  }
}
