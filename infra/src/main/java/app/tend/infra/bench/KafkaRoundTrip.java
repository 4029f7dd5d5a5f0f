package app.tend.infra.bench;

import app.tend.infra.servers.KafkaEndpoint;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The least an event can take on this broker: a record produced (acknowledged by all replicas, as
 * the outbox relays ask) and consumed by a client that already waits for it, at a fixed rate. Its
 * latency is the floor under the event-to-partner path.
 */
public final class KafkaRoundTrip {

  /**
   * @param events records sent in the measured window and consumed
   * @param latencyMicros produce → consume
   * @param lost records sent in the window that never came back
   */
  public record Result(double perSecond, long events, Histogram latencyMicros, long lost) {}

  private KafkaRoundTrip() {}

  static Result run(KafkaEndpoint kafka, double perSecond, Duration warmUp, Duration measured) {
    String topic = "bench.round-trip." + UUID.randomUUID();
    try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
      try {
        return measure(kafka, topic, perSecond, warmUp, measured);
      } finally {
        admin.deleteTopics(List.of(topic)).all().get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("the bench topic could not be made or removed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Result measure(KafkaEndpoint kafka, String topic, double perSecond, Duration warmUp, Duration measured) {
    var partition = new TopicPartition(topic, 0);
    var latency = new Histogram(3_600_000_000L, 3);
    var received = new AtomicLong();
    var stop = new AtomicBoolean();
    long sentInWindow = 0;
    try (var consumer = new KafkaConsumer<byte[], byte[]>(consumerSettings(kafka));
        var producer = new KafkaProducer<byte[], byte[]>(producerSettings(kafka))) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      consumer.position(partition);
      // Both ends know the partition's leader before the clock starts: a first send that waited for
      // it would be followed by a burst of catching up.
      producer.partitionsFor(topic);
      long start = System.nanoTime();
      long measureFrom = start + warmUp.toNanos();
      long end = measureFrom + measured.toNanos();
      Thread reader = Thread.ofVirtual().name("round-trip-consumer").start(() -> {
        while (!stop.get()) {
          for (var record : consumer.poll(Duration.ofMillis(100))) {
            long now = System.nanoTime();
            long sentAt = ByteBuffer.wrap(record.value()).getLong();
            if (sentAt >= measureFrom && sentAt < end) {
              latency.recordValue(Math.max(1, (now - sentAt) / 1000));
              received.incrementAndGet();
            }
          }
        }
      });
      for (long k = 0; ; k++) {
        long due = start + (long) (k * 1e9 / perSecond);
        if (due >= end) {
          break;
        }
        Pacing.sleepUntil(due);
        long now = System.nanoTime();
        producer.send(new ProducerRecord<>(topic, ByteBuffer.allocate(8).putLong(now).array()));
        if (now >= measureFrom) {
          sentInWindow++;
        }
      }
      producer.flush();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (received.get() < sentInWindow && System.nanoTime() < deadline) {
        Pacing.sleepUntil(System.nanoTime() + 50_000_000);
      }
      stop.set(true);
      Pacing.join(reader);
    }
    return new Result(perSecond, received.get(), latency, sentInWindow - received.get());
  }

  private static Properties producerSettings(KafkaEndpoint kafka) {
    var settings = new Properties();
    settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // As the services' outbox relays send: at once. Kafka 4's client would otherwise wait 5 ms for
    // a batch to fill, and the baseline would be slower than the path it is the floor of.
    settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return settings;
  }

  private static Properties consumerSettings(KafkaEndpoint kafka) {
    var settings = new Properties();
    settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return settings;
  }
}
