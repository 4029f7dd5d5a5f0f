package app.tend.testkit;

import java.sql.Connection;
import java.util.UUID;

/** Rows of a service's event tables (its outbox, its consumers' claims), written and read straight through JDBC. */
final class EventRows {

  private EventRows() {}

  /**
   * An outbox row for {@code topic}, its envelope naming its own event id.
   *
   * @param createdAt an SQL expression, e.g. {@code now() - interval '30 days'}
   * @param publishedAt an SQL expression, or {@code null} for a row not yet sent
   */
  static UUID insert(Connection connection, String topic, String eventType, String createdAt, String publishedAt) throws Exception {
    UUID eventId = UUID.randomUUID();
    try (var insert = connection.prepareStatement(
        "insert into outbox_event (event_id, topic, record_key, event_type, envelope, created_at, published_at)"
            + " values (?, ?, ?, ?, ?, " + createdAt + ", " + publishedAt + ")")) {
      insert.setObject(1, eventId);
      insert.setString(2, topic);
      insert.setString(3, eventId.toString());
      insert.setString(4, eventType);
      insert.setString(5, "{\"eventId\":\"" + eventId + "\"}");
      insert.executeUpdate();
    }
    return eventId;
  }

  /** Whether {@code query}, with the event id as its one parameter, finds a row. */
  static boolean found(Connection connection, String query, UUID eventId) throws Exception {
    try (var statement = connection.prepareStatement(query)) {
      statement.setObject(1, eventId);
      try (var rows = statement.executeQuery()) {
        return rows.next();
      }
    }
  }
}
