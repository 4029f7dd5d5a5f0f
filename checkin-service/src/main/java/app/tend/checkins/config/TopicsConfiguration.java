package app.tend.checkins.config;

import app.tend.contracts.Topics;
import app.tend.platform.messaging.EventTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The topics checkin-service publishes, and the dead-letter topics of those it consumes. */
@Configuration(proxyBeanMethods = false)
class TopicsConfiguration {

  @Bean
  NewTopic checkinTopic() {
    return EventTopics.published(Topics.CHECKIN_CHECKIN);
  }

  @Bean
  NewTopic commitmentTopic() {
    return EventTopics.published(Topics.CHECKIN_COMMITMENT);
  }

  @Bean
  NewTopic repairTopic() {
    return EventTopics.published(Topics.CHECKIN_REPAIR);
  }

  @Bean
  NewTopic measureTopic() {
    return EventTopics.published(Topics.CHECKIN_MEASURE);
  }

  @Bean
  NewTopic safetyTopic() {
    return EventTopics.published(Topics.CHECKIN_SAFETY);
  }

  @Bean
  NewTopic clinicDeadLetterTopic() {
    return EventTopics.deadLettersOf(Topics.ACCOUNTS_CLINIC);
  }

  @Bean
  NewTopic coupleDeadLetterTopic() {
    return EventTopics.deadLettersOf(Topics.ACCOUNTS_COUPLE);
  }
}
