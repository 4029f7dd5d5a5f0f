package app.tend.accounts.platform.messaging;

import app.tend.contracts.EventCodec;
import app.tend.contracts.Topics;
import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topics accounts-service owns. It consumes none yet. */
@Configuration
class MessagingConfiguration {

  static final int PARTITIONS = 3;

  @Bean
  EventCodec eventCodec() {
    return new EventCodec();
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  NewTopic coupleTopic() {
    return TopicBuilder.name(Topics.ACCOUNTS_COUPLE).partitions(PARTITIONS).build();
  }

  @Bean
  NewTopic clinicTopic() {
    return TopicBuilder.name(Topics.ACCOUNTS_CLINIC).partitions(PARTITIONS).build();
  }
}
