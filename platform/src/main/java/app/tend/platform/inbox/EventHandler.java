package app.tend.platform.inbox;

import app.tend.contracts.EventEnvelope;
import app.tend.contracts.TendEvent;
import reactor.core.publisher.Mono;

/**
 * Handles one type of event, once however often Kafka delivers it. A service declares one bean per
 * event it acts on; the {@link Inbox} subscribes to the handlers' topics and calls the handler of
 * each record's type. A record of a type no handler names is for other consumers and is passed over.
 *
 * @param <E> the event
 */
public abstract class EventHandler<E extends TendEvent> {

  private final Class<E> event;
  private final String topic;
  private final String outcome;

  /**
   * @param event the event's class; its simple name is the envelope's {@code eventType}
   * @param topic the topic it arrives on
   * @param outcome what handling it does, for the log line, e.g. "nudged the other partner"
   */
  protected EventHandler(Class<E> event, String topic, String outcome) {
    this.event = event;
    this.topic = topic;
    this.outcome = outcome;
  }

  /** The side effect, in one transaction with the claim of the event: both happen, or neither. */
  protected abstract Mono<Void> handle(E event, EventEnvelope envelope);

  /** Whether this delivery concerns the handler at all; one that does not is passed over, unclaimed. */
  protected boolean concerns(E event) {
    return true;
  }

  /**
   * What the service's consumer group name is followed by, for a handler that reads beside the
   * service's own consumers (a digest, say): empty for the service's own group.
   */
  protected String consumerGroupSuffix() {
    return "";
  }

  final Class<E> event() {
    return event;
  }

  final String topic() {
    return topic;
  }

  final String outcome() {
    return outcome;
  }
}
