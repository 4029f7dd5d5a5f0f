package app.tend.accounts.config;

import app.tend.contracts.Topics;
import app.tend.platform.messaging.EventTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The topics accounts-service publishes. It consumes none. */
@Configuration(proxyBeanMethods = false)
class TopicsConfiguration {

  @Bean
  NewTopic coupleTopic() {
    return EventTopics.published(Topics.ACCOUNTS_COUPLE);
  }

  @Bean
  NewTopic clinicTopic() {
    return EventTopics.published(Topics.ACCOUNTS_CLINIC);
  }
}
