package app.tend.contracts;

/**
 * A payload that travels inside an {@link EventEnvelope}. Each implementation names its topic, its
 * type and its version, so producers cannot publish an event to the wrong place.
 */
public interface TendEvent {

  /** The topic the event is published to. */
  String topic();

  /** The past-tense event name written to {@link EventEnvelope#eventType()}. */
  default String eventType() {
    return getClass().getSimpleName();
  }

  /** The shape version written to {@link EventEnvelope#eventVersion()}. */
  default int eventVersion() {
    return 1;
  }
}
