package app.tend.infra.servers;

/** Where a real Kafka broker answers, however it was started. */
public interface KafkaEndpoint {

  /** The {@code bootstrap.servers} value for clients. */
  String bootstrapServers();
}
