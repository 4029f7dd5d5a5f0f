package app.tend.contracts;

/** Header and claim names that every part of Tend agrees on. */
public final class TendHeaders {

  /** HTTP header the gateway sets on every request; services echo it and copy it into Kafka. */
  public static final String REQUEST_ID = "X-Request-Id";

  /**
   * HTTP header the gateway sets on every request it routes: where the request came from, as the
   * gateway saw it ("203.0.113.7", or "203.0.113.7 via 10.0.0.5" through a trusted proxy such as
   * web-ui). Whatever a client sends under this name is replaced. Services put it in the audit log.
   */
  public static final String CLIENT_ADDRESS = "X-Tend-Client-Address";

  /** Kafka record header carrying the request id of the request that caused the event. */
  public static final String KAFKA_REQUEST_ID = "tend-request-id";

  /** Kafka record header carrying the event type, so a consumer can route without parsing. */
  public static final String KAFKA_EVENT_TYPE = "tend-event-type";

  /** Token claim naming the caller's clinic (the tenant). */
  public static final String CLINIC_ID_CLAIM = "clinic_id";

  private TendHeaders() {}
}
