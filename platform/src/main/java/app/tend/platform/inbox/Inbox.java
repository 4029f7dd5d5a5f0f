package app.tend.platform.inbox;

import app.tend.contracts.EventCodec;
import app.tend.contracts.EventEnvelope;
import app.tend.contracts.TendHeaders;
import app.tend.contracts.TendEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Subscribes the service's {@link EventHandler}s: one listener container per consumer group and
 * topic, made by Boot's container factory (so with its error handler, dead letters and concurrency).
 * Each topic has containers of its own, as each {@code @KafkaListener} had: a record that waits (for
 * its couple's enrolment, for the database) holds up only its own partition of its own topic.
 */
public class Inbox implements SmartLifecycle {

  private final List<ConcurrentMessageListenerContainer<String, byte[]>> containers = new ArrayList<>();
  private volatile boolean running;

  @SuppressWarnings("unchecked") // Boot's factory is declared <?, ?>; the services' records are String keys and byte[] values
  Inbox(List<EventHandler<?>> handlers, ConcurrentKafkaListenerContainerFactory<?, ?> anyFactory, EventCodec codec,
      DatabaseClient database, TransactionalOperator transaction, @Value("${spring.application.name}") String applicationName) {
    var factory = (ConcurrentKafkaListenerContainerFactory<String, byte[]>) anyFactory;
    Map<String, Map<String, List<EventHandler<?>>>> byGroupAndTopic = handlers.stream()
        .collect(Collectors.groupingBy(EventHandler::consumerGroupSuffix, TreeMap::new,
            Collectors.groupingBy(EventHandler::topic, TreeMap::new, Collectors.toList())));
    byGroupAndTopic.forEach((suffix, byTopic) -> {
      String group = applicationName + suffix;
      var claims = new ProcessedEvents(database, group, transaction);
      byTopic.forEach((topic, onTopic) -> {
        var container = factory.createContainer(topic);
        container.getContainerProperties().setGroupId(group);
        container.setBeanName(group + "." + topic);
        container.setupMessageListener(new Dispatch(byType(topic, onTopic), codec, claims));
        containers.add(container);
      });
    });
  }

  private static Map<String, EventHandler<?>> byType(String topic, List<EventHandler<?>> handlers) {
    return handlers.stream().collect(Collectors.toMap(handler -> handler.event().getSimpleName(), Function.identity(),
        (one, other) -> {
          throw new IllegalStateException("two handlers of " + one.event().getSimpleName() + " on " + topic + " in one consumer group: "
              + one.getClass().getName() + " and " + other.getClass().getName());
        }));
  }

  /**
   * Hands each record to the handler of its type, once. A record whose type header (the outbox
   * relay writes one on every record) names a type no handler here takes is passed over unread:
   * every group reads every record of its topics, and most are for another consumer.
   */
  record Dispatch(Map<String, EventHandler<?>> handlers, EventCodec codec, ProcessedEvents claims)
      implements MessageListener<String, byte[]> {

    @Override
    public void onMessage(ConsumerRecord<String, byte[]> record) {
      Header type = record.headers().lastHeader(TendHeaders.KAFKA_EVENT_TYPE);
      if (type != null && !handlers.containsKey(new String(type.value(), StandardCharsets.UTF_8))) {
        return;
      }
      EventEnvelope envelope = codec.fromJson(record.value());
      EventHandler<?> handler = handlers.get(envelope.eventType());
      if (handler != null) {
        handle(handler, envelope);
      }
    }

    private <E extends TendEvent> void handle(EventHandler<E> handler, EventEnvelope envelope) {
      E event = codec.payload(envelope, handler.event());
      if (handler.concerns(event)) {
        claims.once(envelope, handler.outcome(), () -> handler.handle(event, envelope));
      }
    }
  }

  /** The containers' names, {@code <consumer group>.<topic>}, for tests and logs. */
  List<String> subscriptions() {
    return containers.stream().map(ConcurrentMessageListenerContainer::getBeanName).toList();
  }

  @Override
  public void start() {
    containers.forEach(ConcurrentMessageListenerContainer::start);
    running = true;
  }

  @Override
  public void stop() {
    containers.forEach(ConcurrentMessageListenerContainer::stop);
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Starts with the listener containers Spring Kafka makes itself, after everything they call. */
  @Override
  public int getPhase() {
    return ConcurrentMessageListenerContainer.DEFAULT_PHASE;
  }
}
