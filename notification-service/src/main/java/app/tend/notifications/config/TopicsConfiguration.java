package app.tend.notifications.config;

import app.tend.contracts.Topics;
import app.tend.notifications.couple.CoupleNotYetKnownException;
import app.tend.platform.messaging.EventTopics;
import app.tend.platform.messaging.PatientRetry;
import java.time.Duration;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dead-letter topics of what notification-service consumes (it publishes nothing). */
@Configuration(proxyBeanMethods = false)
class TopicsConfiguration {

  @Bean
  NewTopic coupleDeadLetterTopic() {
    return EventTopics.deadLettersOf(Topics.ACCOUNTS_COUPLE);
  }

  @Bean
  NewTopic commitmentDeadLetterTopic() {
    return EventTopics.deadLettersOf(Topics.CHECKIN_COMMITMENT);
  }

  @Bean
  NewTopic repairDeadLetterTopic() {
    return EventTopics.deadLettersOf(Topics.CHECKIN_REPAIR);
  }

  @Bean
  NewTopic safetyDeadLetterTopic() {
    return EventTopics.deadLettersOf(Topics.CHECKIN_SAFETY);
  }

  @Bean
  NewTopic checkinDeadLetterTopic() {
    return EventTopics.deadLettersOf(Topics.CHECKIN_CHECKIN);
  }

  /**
   * A couple's enrolment on another topic may be seconds behind (a busy consumer, a restart):
   * waiting for it must outlast that, or a partner's notification or a safety alert would be
   * dead-lettered for being early. A minute is long enough for a lagging consumer to catch up, and
   * short enough that the records queued behind it on its partition are not held for long.
   */
  @Bean
  PatientRetry awaitCoupleEnrolment() {
    return new PatientRetry(CoupleNotYetKnownException.class, Duration.ofSeconds(10), Duration.ofMinutes(1));
  }
}
