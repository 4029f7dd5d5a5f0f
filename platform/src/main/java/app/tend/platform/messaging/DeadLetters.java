package app.tend.platform.messaging;

import app.tend.contracts.EventCodec;
import app.tend.contracts.Topics;
import app.tend.platform.web.DependencyOutage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What happens to a consumed record that cannot be handled: a few retries with back-off, then its
 * dead-letter topic, counted; the consumer goes on with the next. A record that failed because the
 * database is away waits for it instead, and so does one whose failure a {@link PatientRetry} names.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetters {

  @Bean
  DefaultErrorHandler kafkaErrorHandler(
      KafkaTemplate<String, byte[]> kafka, MeterRegistry meters, List<NewTopic> topics, List<PatientRetry> patience) {
    // Each consumed topic has its dead-letter topic; its count starts at zero, so a dashboard shows
    // a flat line rather than "no data" until the first poison message.
    String suffix = Topics.deadLetter("");
    topics.stream()
        .map(NewTopic::name)
        .filter(name -> name.endsWith(suffix))
        .forEach(name -> deadLettered(meters, name.substring(0, name.length() - suffix.length())));
    var recoverer = new DeadLetterPublishingRecoverer(
        kafka, (record, e) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition() % EventTopics.PARTITIONS));
    var quickRetries = new ExponentialBackOff(200, 2.0);
    quickRetries.setMaxAttempts(4);
    var handler = new DefaultErrorHandler(
        (record, e) -> {
          recoverer.accept(record, e);
          deadLettered(meters, record.topic()).increment();
        },
        quickRetries);
    handler.addNotRetryableExceptions(EventCodec.MalformedEventException.class);
    handler.setBackOffFunction((record, e) -> patienceFor(e, patience));
    return handler;
  }

  /** The back-off for {@code failure} when it is not poison; null for the quick retries. */
  private static BackOff patienceFor(Exception failure, List<PatientRetry> patience) {
    if (DependencyOutage.isCause(failure)) {
      return untilTheDatabaseIsBack();
    }
    return patience.stream().filter(retry -> retry.isCauseOf(failure)).findFirst().map(DeadLetters::backOff).orElse(null);
  }

  /**
   * A record that failed because the database is away is not poison: it waits, every few seconds,
   * for as long as the outage lasts, and the records behind it wait too. Sent to the dead-letter
   * topic after a few quick tries, as before, it was lost from the feed (the chaos run found it).
   */
  private static ExponentialBackOff untilTheDatabaseIsBack() {
    var backOff = new ExponentialBackOff(500, 2.0);
    backOff.setMaxInterval(5_000);
    return backOff;
  }

  private static ExponentialBackOff backOff(PatientRetry retry) {
    var backOff = new ExponentialBackOff(500, 2.0);
    backOff.setMaxInterval(retry.longestPause().toMillis());
    backOff.setMaxElapsedTime(retry.giveUpAfter().toMillis());
    return backOff;
  }

  private static Counter deadLettered(MeterRegistry meters, String topic) {
    return Counter.builder("tend.events.dead_lettered")
        .description("Records sent to a dead-letter topic, by the topic they came from")
        .tag("topic", topic)
        .register(meters);
  }
}
