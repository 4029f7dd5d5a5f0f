package app.tend.notifications.feed;

import app.tend.contracts.EventCodec;
import app.tend.contracts.EventEnvelope;
import app.tend.contracts.Topics;
import app.tend.contracts.commitment.CommitmentDue;
import app.tend.contracts.notification.NotificationType;
import app.tend.contracts.repair.RepairOpened;
import app.tend.contracts.repair.RepairStepTaken;
import app.tend.platform.inbox.ProcessedEvents;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Nudges a partner about their shared practice: a commitment made to them is due, their partner
 * opened a repair or took a step in it. Only ever from these events, which carry ids and kinds:
 * nothing of anyone's answers, measures or safety.
 */
@Component
class PracticeEventsListener {

  private final EventCodec codec;
  private final CoupleMembers members;
  private final ProcessedEvents processed;
  private final Feed feed;

  PracticeEventsListener(EventCodec codec, CoupleMembers members, ProcessedEvents processed, Feed feed) {
    this.codec = codec;
    this.members = members;
    this.processed = processed;
    this.feed = feed;
  }

  @KafkaListener(topics = {Topics.CHECKIN_COMMITMENT, Topics.CHECKIN_REPAIR})
  void on(ConsumerRecord<String, byte[]> record) {
    EventEnvelope envelope = codec.fromJson(record.value());
    switch (envelope.eventType()) {
      case "CommitmentDue" -> {
        var due = codec.payload(envelope, CommitmentDue.class);
        processed.once(envelope, "nudged the partner it was made to", () -> nudge(envelope, due.coupleId(),
            member -> member.equals(due.partnerId()), NotificationType.COMMITMENT_DUE, NotificationKind.COMMITMENT_DUE));
      }
      case "RepairOpened" -> {
        var opened = codec.payload(envelope, RepairOpened.class);
        processed.once(envelope, "nudged the other partner", () -> nudge(envelope, opened.coupleId(),
            member -> !member.equals(opened.openedBy()), NotificationType.REPAIR_ACTIVITY, NotificationKind.REPAIR_OPENED));
      }
      case "RepairStepTaken" -> {
        var step = codec.payload(envelope, RepairStepTaken.class);
        processed.once(envelope, "nudged the other partner", () -> nudge(envelope, step.coupleId(),
            member -> !member.equals(step.partnerId()), NotificationType.REPAIR_ACTIVITY, NotificationKind.REPAIR_STEP));
      }
      default -> { } // the rest is for the clinician's digest, or for nobody here
    }
  }

  /** Tells the couple's members that {@code recipient} picks, unless they turned {@code type} off or have left. */
  private Mono<Void> nudge(EventEnvelope envelope, UUID coupleId, Predicate<UUID> recipient, NotificationType type, NotificationKind kind) {
    return members.of(coupleId, envelope.clinicId())
        .filter(member -> recipient.test(member.partnerId()) && !member.muted(type))
        .concatMap(member -> feed.create(member.partnerId(), envelope.clinicId(), kind, envelope.eventId()))
        .then();
  }
}
