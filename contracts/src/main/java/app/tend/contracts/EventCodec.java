package app.tend.contracts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns events into envelope JSON and back. One configuration for every service, so that producers
 * and consumers agree byte for byte: ISO-8601 times, unknown fields ignored.
 */
public final class EventCodec {

  private final JsonMapper mapper =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /** Wraps {@code event} in a new envelope with a fresh event id. */
  public EventEnvelope envelope(
      TendEvent event, UUID clinicId, UUID aggregateId, Instant occurredAt, String requestId) {
    return new EventEnvelope(
        UUID.randomUUID(),
        event.eventType(),
        event.eventVersion(),
        occurredAt,
        clinicId,
        aggregateId,
        requestId,
        mapper.valueToTree(event));
  }

  public String toJson(EventEnvelope envelope) {
    return mapper.writeValueAsString(envelope);
  }

  /**
   * Reads an envelope.
   *
   * @throws MalformedEventException when the bytes are not a valid envelope
   */
  public EventEnvelope fromJson(byte[] json) {
    try {
      EventEnvelope envelope = mapper.readValue(json, EventEnvelope.class);
      if (envelope == null) {
        throw new MalformedEventException("empty record");
      }
      return envelope;
    } catch (JacksonException | NullPointerException e) {
      throw new MalformedEventException(
          "not a Tend event envelope: " + e.getClass().getSimpleName(), e);
    }
  }

  public EventEnvelope fromJson(String json) {
    return fromJson(json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads the payload as {@code type}.
   *
   * @throws MalformedEventException when the payload does not fit the type
   */
  public <T> T payload(EventEnvelope envelope, Class<T> type) {
    try {
      return mapper.treeToValue(envelope.payload(), type);
    } catch (JacksonException e) {
      throw new MalformedEventException(
          envelope.eventType() + " payload does not fit " + type.getSimpleName(), e);
    }
  }

  /** A record that cannot be read as an envelope; it belongs in the dead-letter topic. */
  public static final class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message) {
      super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
