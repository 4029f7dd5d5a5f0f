package app.tend.notifications.digest;

import app.tend.contracts.EventEnvelope;
import app.tend.contracts.TendEvent;
import app.tend.platform.inbox.EventHandler;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Collects what a clinician should look at for their next morning digest. The digest's handlers
 * read in a consumer group of their own, beside the partner nudges rather than sharing their
 * partitions, and claim their events under that group's name.
 */
abstract class DigestEventHandler<E extends TendEvent> extends EventHandler<E> {

  private final DigestReason reason;
  private final Function<E, UUID> coupleOf;
  private final Digests digests;

  DigestEventHandler(Class<E> event, String topic, DigestReason reason, Function<E, UUID> coupleOf, Digests digests) {
    super(event, topic, "kept for the clinician's digest");
    this.reason = reason;
    this.coupleOf = coupleOf;
    this.digests = digests;
  }

  @Override
  protected final String consumerGroupSuffix() {
    return "-digest";
  }

  @Override
  protected final Mono<Void> handle(E event, EventEnvelope envelope) {
    UUID coupleId = coupleOf.apply(event);
    return digests.collect(envelope.eventId(), envelope.clinicId(), coupleId, reason, Instant.now())
        // The couple's enrolment travels on another topic; retried until it has arrived.
        .flatMap(kept -> kept ? Mono.<Void>empty()
            : Mono.error(new IllegalStateException("the clinician of couple " + coupleId + " is not known here yet")));
  }
}
