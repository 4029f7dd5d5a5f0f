package app.tend.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.UUID;

/**
 * What a service keeps of its events only as long as it is needed: its outbox relay deletes events
 * published longer ago than their retention (7 days) and never an event still waiting to be sent,
 * however old; its idempotent consumers forget claims older than theirs (30 days). platform's
 * {@code PlatformContractsIT} runs these, and each service's {@code PlatformWiringIT} those of the parts
 * it enables, against a running service set to prune every second ({@link TendTestProperties#retention}).
 */
public final class Retention {

  private static final String TOPIC = "test.outbox-retention.v1";

  private Retention() {}

  public static void assertOnlyEventsPublishedLongAgoAreDeleted(String database) throws Exception {
    var postgres = TestInfrastructure.postgres(database);
    try (var connection = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password())) {
      UUID publishedLongAgo = insert(connection, "now() - interval '30 days'", "now() - interval '8 days'");
      UUID publishedLately = insert(connection, "now() - interval '30 days'", "now() - interval '6 days'");
      // Kafka was away for a month: the event is as old as the first, but it has not left yet.
      UUID neverSent = insert(connection, "now() - interval '30 days'", "null");

      await("the event published 8 days ago deleted").atMost(Duration.ofSeconds(30))
          .until(() -> !exists(connection, publishedLongAgo));
      await("the month-old event never sent published, not deleted").atMost(Duration.ofSeconds(30))
          .until(() -> published(connection, neverSent));
      assertThat(exists(connection, publishedLately)).as("an event published 6 days ago is kept").isTrue();
      assertThat(exists(connection, neverSent)).as("the month-old event the relay had still to send").isTrue();
      assertThat(TopicProbe.records(TOPIC, Duration.ofSeconds(10)))
          .as("the month-old event was sent, not deleted")
          .anyMatch(record -> new String(record.value(), StandardCharsets.UTF_8).contains(neverSent.toString()));
    }
  }

  public static void assertOnlyClaimsOlderThanTheirRetentionAreForgotten(String database) throws Exception {
    var postgres = TestInfrastructure.postgres(database);
    try (var connection = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password())) {
      UUID handledLongAgo = claim(connection, "now() - interval '31 days'");
      UUID handledLately = claim(connection, "now() - interval '29 days'");

      await("the claim of an event handled 31 days ago forgotten").atMost(Duration.ofSeconds(30))
          .until(() -> !claimed(connection, handledLongAgo));
      assertThat(claimed(connection, handledLately)).as("the claim of an event handled 29 days ago is kept").isTrue();
    }
  }

  private static UUID claim(Connection connection, String processedAt) throws Exception {
    UUID eventId = UUID.randomUUID();
    try (var insert = connection.prepareStatement(
        "insert into processed_event (consumer, event_id, processed_at) values ('retention-probe', ?, " + processedAt + ")")) {
      insert.setObject(1, eventId);
      insert.executeUpdate();
    }
    return eventId;
  }

  private static boolean claimed(Connection connection, UUID eventId) throws Exception {
    return EventRows.found(connection, "select 1 from processed_event where event_id = ?", eventId);
  }

  private static UUID insert(Connection connection, String createdAt, String publishedAt) throws Exception {
    return EventRows.insert(connection, TOPIC, "RetentionProbe", createdAt, publishedAt);
  }

  private static boolean exists(Connection connection, UUID eventId) throws Exception {
    return EventRows.found(connection, "select 1 from outbox_event where event_id = ?", eventId);
  }

  private static boolean published(Connection connection, UUID eventId) throws Exception {
    return EventRows.found(connection, "select 1 from outbox_event where event_id = ? and published_at is not null", eventId);
  }
}
