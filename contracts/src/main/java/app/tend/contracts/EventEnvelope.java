package app.tend.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Every Kafka record Tend publishes carries one envelope as its JSON value.
 *
 * <p>The record key is {@link #aggregateId()} (the couple id for everything about a couple), so
 * events about one couple stay in order. Consumers must ignore unknown fields: within a version only
 * additive changes are allowed.
 *
 * @param eventId unique per event; consumers deduplicate on it
 * @param eventType past-tense name, e.g. {@code CheckinSubmitted}
 * @param eventVersion version of the payload's shape
 * @param occurredAt when the fact happened (not when it was published)
 * @param clinicId the tenant the event belongs to
 * @param aggregateId the record key
 * @param requestId the request id the gateway gave the request that caused it, or null
 * @param payload the event's own fields; never private text
 */
public record EventEnvelope(
    UUID eventId,
    String eventType,
    int eventVersion,
    Instant occurredAt,
    UUID clinicId,
    UUID aggregateId,
    String requestId,
    JsonNode payload) {

  public EventEnvelope {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(clinicId, "clinicId");
    Objects.requireNonNull(aggregateId, "aggregateId");
    Objects.requireNonNull(payload, "payload");
  }
}
