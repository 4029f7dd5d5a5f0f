package app.tend.testkit;

import app.tend.contracts.EventCodec;
import app.tend.contracts.EventEnvelope;
import app.tend.contracts.TendEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes records as another service would, and reads what a topic holds, on the test broker. */
public final class TopicProbe {

  private static final EventCodec CODEC = new EventCodec();

  private TopicProbe() {}

  /** Publishes {@code event} in a fresh envelope, keyed by {@code aggregateId}, and waits for the ack. */
  public static EventEnvelope publish(TendEvent event, UUID clinicId, UUID aggregateId) {
    var envelope = CODEC.envelope(event, clinicId, aggregateId, Instant.now(), "test-" + UUID.randomUUID());
    publishRaw(event.topic(), aggregateId.toString(), CODEC.toJson(envelope).getBytes());
    return envelope;
  }

  /** Publishes the same envelope again, as an at-least-once relay may. */
  public static void republish(String topic, EventEnvelope envelope) {
    publishRaw(topic, envelope.aggregateId().toString(), CODEC.toJson(envelope).getBytes());
  }

  /** Publishes arbitrary bytes, e.g. a record that is not an envelope at all. */
  public static void publishRaw(String topic, String key, byte[] value) {
    try (var producer =
        new KafkaProducer<String, byte[]>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"),
            new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not publish to " + topic, e);
    }
  }

  /** Every record on {@code topic} from its beginning, read for {@code patience} at most after the last one. */
  public static List<ConsumerRecord<String, byte[]>> records(String topic, Duration patience) {
    try (var consumer =
        new KafkaConsumer<String, byte[]>(
            Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
            new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
      long quietUntil = System.nanoTime() + patience.toNanos();
      while (System.nanoTime() < quietUntil) {
        var batch = consumer.poll(Duration.ofMillis(250));
        batch.forEach(all::add);
        if (!batch.isEmpty()) {
          quietUntil = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        }
      }
      return all;
    }
  }

  /** The envelopes on {@code topic} whose payload has {@code field} equal to {@code value}. */
  public static List<EventEnvelope> envelopes(String topic, String field, Object value, Duration patience) {
    return records(topic, patience).stream()
        .map(record -> {
          try {
            return CODEC.fromJson(record.value());
          } catch (EventCodec.MalformedEventException e) {
            return null;
          }
        })
        .filter(envelope -> envelope != null && envelope.payload().has(field)
            && envelope.payload().get(field).asString().equals(String.valueOf(value)))
        .toList();
  }
}
