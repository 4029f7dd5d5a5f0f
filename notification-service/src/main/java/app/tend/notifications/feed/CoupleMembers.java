package app.tend.notifications.feed;

import app.tend.contracts.notification.NotificationType;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/** The partners of a couple who have joined, as this service knows them, with what they turned off. */
@Repository
class CoupleMembers {

  private final DatabaseClient database;

  CoupleMembers(DatabaseClient database) {
    this.database = database;
  }

  record Member(UUID partnerId, String[] mutedNotifications) {
    boolean muted(NotificationType type) {
      return mutedNotifications != null && Arrays.asList(mutedNotifications).contains(type.name());
    }
  }

  Flux<Member> of(UUID coupleId, UUID clinicId) {
    return database
        .sql("select partner_id, muted_notifications from couple_member where couple_id = :coupleId and clinic_id = :clinicId")
        .bind("coupleId", coupleId)
        .bind("clinicId", clinicId)
        .map(row -> new Member(row.get("partner_id", UUID.class), row.get("muted_notifications", String[].class)))
        .all();
  }
}
