package app.tend.notifications.digest;

import app.tend.contracts.EventCodec;
import app.tend.contracts.EventEnvelope;
import app.tend.contracts.Topics;
import app.tend.contracts.checkin.CheckinsMissed;
import app.tend.contracts.checkin.TrendDropped;
import app.tend.contracts.measure.MeasureCompleted;
import app.tend.contracts.repair.RepairBroughtToSession;
import app.tend.platform.inbox.ProcessedEvents;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Collects what a clinician should look at for their next morning digest: a sharp drop in a
 * partner's trend, a run of days without check-ins, a measure below its cut-off, a repair brought
 * to session. Its own consumer group, so it reads these topics beside the partner nudges rather
 * than sharing their partitions.
 */
@Component
class DigestEventsListener {

  private final EventCodec codec;
  private final Digests digests;
  private final ProcessedEvents processed;

  DigestEventsListener(EventCodec codec, Digests digests, ProcessedEvents processed,
      @Value("${spring.application.name}") String applicationName) {
    this.codec = codec;
    this.digests = digests;
    this.processed = processed.forConsumer(applicationName + GROUP_SUFFIX);
  }

  private static final String GROUP_SUFFIX = "-digest";

  @KafkaListener(topics = {Topics.CHECKIN_CHECKIN, Topics.CHECKIN_REPAIR, Topics.CHECKIN_MEASURE}, groupId = "${spring.application.name}" + GROUP_SUFFIX)
  void on(ConsumerRecord<String, byte[]> record) {
    EventEnvelope envelope = codec.fromJson(record.value());
    switch (envelope.eventType()) {
      case "TrendDropped" -> collect(envelope, codec.payload(envelope, TrendDropped.class).coupleId(), DigestReason.TREND_DROPPED);
      case "CheckinsMissed" -> collect(envelope, codec.payload(envelope, CheckinsMissed.class).coupleId(), DigestReason.CHECKINS_MISSED);
      case "RepairBroughtToSession" ->
          collect(envelope, codec.payload(envelope, RepairBroughtToSession.class).coupleId(), DigestReason.REPAIR_BROUGHT_TO_SESSION);
      case "MeasureCompleted" -> {
        var completed = codec.payload(envelope, MeasureCompleted.class);
        if (completed.belowCutOff()) {
          collect(envelope, completed.coupleId(), DigestReason.MEASURE_BELOW_CUT_OFF);
        }
      }
      default -> { } // the rest is not for the digest
    }
  }

  private void collect(EventEnvelope envelope, UUID coupleId, DigestReason reason) {
    processed.once(envelope, "kept for the clinician's digest", () -> digests
        .collect(envelope.eventId(), envelope.clinicId(), coupleId, reason, Instant.now())
        // The couple's enrolment travels on another topic; retried until it has arrived.
        .flatMap(kept -> kept ? Mono.<Void>empty() : Mono.error(new IllegalStateException("the clinician of couple " + coupleId + " is not known here yet"))));
  }
}
