package app.tend.contracts;

/** Header and claim names that every part of Tend agrees on. */
public final class TendHeaders {

  /** HTTP header the gateway sets on every request; services echo it and copy it into Kafka. */
  public static final String REQUEST_ID = "X-Request-Id";

  /** Kafka record header carrying the request id of the request that caused the event. */
  public static final String KAFKA_REQUEST_ID = "tend-request-id";

  /** Kafka record header carrying the event type, so a consumer can route without parsing. */
  public static final String KAFKA_EVENT_TYPE = "tend-event-type";

  /** Token claim naming the caller's clinic (the tenant). */
  public static final String CLINIC_ID_CLAIM = "clinic_id";

  private TendHeaders() {}
}
