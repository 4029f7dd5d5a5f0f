package app.tend.platform.messaging;

import app.tend.contracts.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The topics a service declares: those it publishes, and the dead-letter topic of each it consumes.
 * Declared as beans ({@code NewTopic}), they are made at start when missing.
 */
public final class EventTopics {

  /** Partitions of every topic. Events are keyed by couple, so a couple's events keep their order. */
  public static final int PARTITIONS = 3;

  private EventTopics() {}

  /** A topic this service publishes to. */
  public static NewTopic published(String name) {
    return TopicBuilder.name(name).partitions(PARTITIONS).build();
  }

  /** The dead-letter topic of {@code consumed}, where records this service cannot handle go. */
  public static NewTopic deadLettersOf(String consumed) {
    return TopicBuilder.name(Topics.deadLetter(consumed)).partitions(PARTITIONS).build();
  }
}
