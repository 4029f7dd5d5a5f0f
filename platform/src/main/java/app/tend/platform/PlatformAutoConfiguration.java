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
import app.tend.platform.schema.PlatformMigrations;
import java.time.Clock;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * What a Tend service gets by depending on {@code platform} besides its web layer
 * ({@link PlatformWebAutoConfiguration}): uncancellable transactions and the dead-letter handling
 * of consumed events; the outbox where {@code tend.outbox.enabled} (a service that publishes), the
 * inbox where {@code tend.inbox.enabled} (a service that consumes), the audit log where
 * {@code tend.audit.search-path} says where its clinic admins search it. Each part brings its
 * tables' migrations ({@link PlatformMigrations}). A service keeps its features and its
 * configuration: its public paths, its topics, its settings.
 */
@AutoConfiguration(afterName = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
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

  /** The part's tables, made once the service's own migrations have run. */
  private static PlatformMigrations migrations(String part, Flyway flyway, ObjectProvider<FlywayMigrationInitializer> serviceMigrationsFirst) {
    serviceMigrationsFirst.ifAvailable(initializer -> {});
    return new PlatformMigrations(part, flyway);
  }

  /** Events written in the same transaction as the change they describe, then published in order. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBooleanProperty("tend.outbox.enabled")
  @Import({Outbox.class, OutboxRelay.class, TraceHeaders.class})
  static class OutboxParts {

    @Bean
    @ConditionalOnBean(Flyway.class)
    PlatformMigrations outboxMigrations(Flyway flyway, ObjectProvider<FlywayMigrationInitializer> serviceMigrationsFirst) {
      return migrations("outbox", flyway, serviceMigrationsFirst);
    }
  }

  /** Who of the clinic's staff read which couple's data, recorded and searchable by the clinic admin. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty("tend.audit.search-path")
  @Import({AuditLog.class, AuditTrail.class, AuditController.class})
  static class AuditParts {

    @Bean
    @ConditionalOnBean(Flyway.class)
    PlatformMigrations auditMigrations(Flyway flyway, ObjectProvider<FlywayMigrationInitializer> serviceMigrationsFirst) {
      return migrations("audit", flyway, serviceMigrationsFirst);
    }
  }

  /** Consumed events handed to their {@code EventHandler}s, each once however often it is delivered. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBooleanProperty("tend.inbox.enabled")
  @Import({Inbox.class, ProcessedEventRetention.class})
  static class InboxParts {

    @Bean
    @ConditionalOnBean(Flyway.class)
    PlatformMigrations inboxMigrations(Flyway flyway, ObjectProvider<FlywayMigrationInitializer> serviceMigrationsFirst) {
      return migrations("inbox", flyway, serviceMigrationsFirst);
    }
  }
}
