package app.tend.platform;

import app.tend.contracts.EventCodec;
import app.tend.platform.audit.AuditController;
import app.tend.platform.audit.AuditLog;
import app.tend.platform.audit.AuditTrail;
import app.tend.platform.inbox.Inbox;
import app.tend.platform.inbox.ProcessedEventRetention;
import app.tend.platform.messaging.DeadLetters;
import app.tend.platform.outbox.Outbox;
import app.tend.platform.outbox.OutboxRelay;
import app.tend.platform.outbox.TraceHeaders;
import app.tend.platform.outbox.Transactions;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * What a Tend service gets by depending on {@code platform} besides its web layer
 * ({@link PlatformWebAutoConfiguration}): uncancellable transactions and the dead-letter handling
 * of consumed events; the outbox where {@code tend.outbox.enabled} (a service that publishes), the
 * inbox where {@code tend.inbox.enabled} (a service that consumes), the audit log where
 * {@code tend.audit.search-path} says where its clinic admins search it. A service keeps its
 * features and its configuration: its public paths, its topics, its settings.
 */
@AutoConfiguration
@Import({Transactions.class, DeadLetters.class})
public class PlatformAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  EventCodec eventCodec() {
    return new EventCodec();
  }

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Events written in the same transaction as the change they describe, then published in order. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBooleanProperty("tend.outbox.enabled")
  @Import({Outbox.class, OutboxRelay.class, TraceHeaders.class})
  static class OutboxParts {}

  /** Who of the clinic's staff read which couple's data, recorded and searchable by the clinic admin. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty("tend.audit.search-path")
  @Import({AuditLog.class, AuditTrail.class, AuditController.class})
  static class AuditParts {}

  /** Consumed events handed to their {@code EventHandler}s, each once however often it is delivered. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBooleanProperty("tend.inbox.enabled")
  @Import({Inbox.class, ProcessedEventRetention.class})
  static class InboxParts {}
}
