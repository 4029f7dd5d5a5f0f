package app.tend.notifications.feed;

import app.tend.contracts.EventCodec;
import app.tend.contracts.Topics;
import app.tend.contracts.checkin.CheckinRevised;
import app.tend.contracts.checkin.CheckinSubmitted;
import app.tend.contracts.notification.NotificationType;
import app.tend.notifications.couple.CoupleNotYetKnownException;
import app.tend.notifications.reminder.Reminders;
import app.tend.platform.inbox.ProcessedEvents;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tells a partner when the other one checked in, or wrote them an appreciation, and spares the one
 * who checked in that day's reminder. Only the facts
 * travel: the events carry no text, and the notification says nothing about the answers.
 */
@Component
class CheckinEventsListener {

  private final EventCodec codec;
  private final CoupleMembers members;
  private final ProcessedEvents processed;
  private final Feed feed;
  private final Reminders reminders;

  CheckinEventsListener(EventCodec codec, CoupleMembers members, ProcessedEvents processed, Feed feed, Reminders reminders) {
    this.reminders = reminders;
    this.codec = codec;
    this.members = members;
    this.processed = processed;
    this.feed = feed;
  }

  @KafkaListener(topics = Topics.CHECKIN_CHECKIN)
  void on(ConsumerRecord<String, byte[]> record) {
    var envelope = codec.fromJson(record.value());
    if (CheckinSubmitted.class.getSimpleName().equals(envelope.eventType())) {
      var submitted = codec.payload(envelope, CheckinSubmitted.class);
      processed.once(envelope, "notified the other partner", () -> notifyOtherPartner(
              submitted.coupleId(), submitted.partnerId(), submitted.appreciationAdded(), true, envelope.clinicId(), envelope.eventId())
          .then(reminders.checkedIn(submitted.partnerId(), envelope.clinicId(), submitted.localDate(), Instant.now())));
    } else if (CheckinRevised.class.getSimpleName().equals(envelope.eventType())) {
      // A revision is news only when it brings an appreciation; changed ratings are not.
      var revised = codec.payload(envelope, CheckinRevised.class);
      if (revised.appreciationAdded()) {
        processed.once(envelope, "told the other partner of an appreciation", () -> notifyOtherPartner(
            revised.coupleId(), revised.partnerId(), true, false, envelope.clinicId(), envelope.eventId()));
      }
    }
  }

  /**
   * Notifies the other partner, unless they have not joined yet or turned this kind off. The
   * partner who checked in must be known here already (their {@code PartnerJoined} travels on
   * another topic); until then the record is retried.
   */
  private Mono<Void> notifyOtherPartner(
      UUID coupleId, UUID author, boolean appreciation, boolean checkedIn, UUID clinicId, UUID eventId) {
    return members.of(coupleId, clinicId)
        .collectList()
        .flatMap(members -> {
          if (members.stream().noneMatch(member -> member.partnerId().equals(author))) {
            return Mono.error(new CoupleNotYetKnownException(coupleId));
          }
          return Flux.fromIterable(members)
              .filter(member -> !member.partnerId().equals(author))
              .concatMap(other -> kindFor(other, appreciation, checkedIn)
                  .map(kind -> feed.create(other.partnerId(), clinicId, kind, eventId).then())
                  .orElse(Mono.empty()))
              .then();
        });
  }

  /**
   * One notification per event and person: an appreciation says more than "checked in", so it
   * goes first, unless that person turned appreciations off.
   */
  private static java.util.Optional<NotificationKind> kindFor(CoupleMembers.Member member, boolean appreciation, boolean checkedIn) {
    if (appreciation && !member.muted(NotificationType.APPRECIATION)) {
      return java.util.Optional.of(NotificationKind.APPRECIATION);
    }
    if (checkedIn && !member.muted(NotificationType.PARTNER_CHECKED_IN)) {
      return java.util.Optional.of(NotificationKind.PARTNER_CHECKED_IN);
    }
    return java.util.Optional.empty();
  }

}
