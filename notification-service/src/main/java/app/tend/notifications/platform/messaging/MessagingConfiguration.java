package app.tend.notifications.platform.messaging;

import app.tend.contracts.EventCodec;
import app.tend.contracts.Topics;
import app.tend.notifications.platform.web.DependencyOutage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Topics this service owns or consumes, and what happens to a record that cannot be handled: a few
 * retries with back-off, then its dead-letter topic, counted; the consumer goes on with the next.
 */
@Configuration
class MessagingConfiguration {

  static final int PARTITIONS = 3;
  /**
   * How long a record waits for its couple's enrolment before the dead-letter topic: long enough
   * for a lagging consumer to catch up, short enough that the records queued behind it on its
   * partition are not held for long.
   */
  static final Duration AWAIT_COUPLE_FOR = Duration.ofMinutes(1);

  @Bean
  EventCodec eventCodec() {
    return new EventCodec();
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  NewTopic coupleDeadLetterTopic() {
    return TopicBuilder.name(Topics.deadLetter(Topics.ACCOUNTS_COUPLE)).partitions(PARTITIONS).build();
  }

  @Bean
  NewTopic commitmentDeadLetterTopic() {
    return TopicBuilder.name(Topics.deadLetter(Topics.CHECKIN_COMMITMENT)).partitions(PARTITIONS).build();
  }

  @Bean
  NewTopic repairDeadLetterTopic() {
    return TopicBuilder.name(Topics.deadLetter(Topics.CHECKIN_REPAIR)).partitions(PARTITIONS).build();
  }

  @Bean
  NewTopic safetyDeadLetterTopic() {
    return TopicBuilder.name(Topics.deadLetter(Topics.CHECKIN_SAFETY)).partitions(PARTITIONS).build();
  }

  @Bean
  NewTopic checkinDeadLetterTopic() {
    return TopicBuilder.name(Topics.deadLetter(Topics.CHECKIN_CHECKIN)).partitions(PARTITIONS).build();
  }

  @Bean
  DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, byte[]> kafka, MeterRegistry meters, List<NewTopic> topics) {
    // Each consumed topic has its dead-letter topic; its count starts at zero, so a dashboard shows
    // a flat line rather than "no data" until the first poison message.
    topics.stream()
        .map(NewTopic::name)
        .filter(name -> name.endsWith(Topics.deadLetter("")))
        .forEach(name -> deadLettered(meters, name.substring(0, name.length() - Topics.deadLetter("").length())));
    var recoverer =
        new DeadLetterPublishingRecoverer(
            kafka, (record, e) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition() % PARTITIONS));
    var backOff = new ExponentialBackOff(200, 2.0);
    backOff.setMaxAttempts(4);
    var handler =
        new DefaultErrorHandler(
            (record, e) -> {
              recoverer.accept(record, e);
              deadLettered(meters, record.topic()).increment();
            },
            backOff);
    handler.addNotRetryableExceptions(EventCodec.MalformedEventException.class);
    // A couple's enrolment on another topic may be seconds behind (a busy consumer, a restart):
    // waiting for it must outlast that, or a partner's notification or a safety alert would be
    // dead-lettered for being early.
    var awaitingCouple = new ExponentialBackOff(500, 2.0);
    awaitingCouple.setMaxInterval(10_000);
    awaitingCouple.setMaxElapsedTime(AWAIT_COUPLE_FOR.toMillis());
    handler.setBackOffFunction((record, e) ->
        DependencyOutage.isCause(e) ? untilTheDatabaseIsBack() : causedBy(e, CoupleNotYetKnownException.class) ? awaitingCouple : null);
    return handler;
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
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

  private static Counter deadLettered(MeterRegistry meters, String topic) {
    return Counter.builder("tend.events.dead_lettered")
        .description("Records sent to a dead-letter topic, by the topic they came from")
        .tag("topic", topic)
        .register(meters);
  }
}
