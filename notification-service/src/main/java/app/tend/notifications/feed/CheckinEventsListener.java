package app.tend.notifications.feed;

import app.tend.contracts.EventCodec;
import app.tend.contracts.Topics;
import app.tend.contracts.checkin.CheckinSubmitted;
import app.tend.contracts.notification.NotificationType;
import app.tend.notifications.platform.messaging.ProcessedEvents;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tells a partner when the other one checked in. Only the fact travels: the event carries no text,
 * and the notification says nothing about the answers.
 */
@Component
class CheckinEventsListener {

  private final EventCodec codec;
  private final DatabaseClient database;
  private final ProcessedEvents processed;
  private final Feed feed;

  CheckinEventsListener(EventCodec codec, DatabaseClient database, ProcessedEvents processed, Feed feed) {
    this.codec = codec;
    this.database = database;
    this.processed = processed;
    this.feed = feed;
  }

  @KafkaListener(topics = Topics.CHECKIN_CHECKIN)
  void on(ConsumerRecord<String, byte[]> record) {
    var envelope = codec.fromJson(record.value());
    if (!CheckinSubmitted.class.getSimpleName().equals(envelope.eventType())) {
      return; // a revision of the same day is not news for the other partner
    }
    var submitted = codec.payload(envelope, CheckinSubmitted.class);
    processed.once(envelope, "notified the other partner",
        () -> notifyOtherPartner(submitted, envelope.clinicId(), envelope.eventId()));
  }

  /**
   * Notifies the other partner, unless they have not joined yet or turned this kind off. The
   * partner who checked in must be known here already (their {@code PartnerJoined} travels on
   * another topic); until then the record is retried.
   */
  private Mono<Void> notifyOtherPartner(CheckinSubmitted submitted, UUID clinicId, UUID eventId) {
    return database
        .sql("select partner_id, muted_notifications from couple_member where couple_id = :coupleId and clinic_id = :clinicId")
        .bind("coupleId", submitted.coupleId())
        .bind("clinicId", clinicId)
        .map(row -> new Member(row.get("partner_id", UUID.class), row.get("muted_notifications", String[].class)))
        .all()
        .collectList()
        .flatMap(members -> {
          if (members.stream().noneMatch(member -> member.partnerId().equals(submitted.partnerId()))) {
            return Mono.error(new CoupleNotYetKnownException(submitted.coupleId()));
          }
          return Flux.fromIterable(members)
              .filter(member -> !member.partnerId().equals(submitted.partnerId()) && !member.muted(NotificationType.PARTNER_CHECKED_IN))
              .concatMap(other -> feed.create(other.partnerId(), clinicId, NotificationKind.PARTNER_CHECKED_IN, eventId))
              .then();
        });
  }

  private record Member(UUID partnerId, String[] mutedNotifications) {
    boolean muted(NotificationType type) {
      return mutedNotifications != null && java.util.Arrays.asList(mutedNotifications).contains(type.name());
    }
  }

  /**
   * The couple's enrolment has not reached this service yet (it travels on another topic). Retried
   * with back-off; if it never arrives the record goes to the dead-letter topic.
   */
  static final class CoupleNotYetKnownException extends IllegalStateException {
    CoupleNotYetKnownException(UUID coupleId) {
      super("couple " + coupleId + " is not known here yet");
    }
  }
}
