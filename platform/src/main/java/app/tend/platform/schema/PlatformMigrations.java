package app.tend.platform.schema;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;

/**
 * Makes the tables of one part of the platform (outbox, inbox, audit) in a service's database from
 * the platform's own migrations in {@code db/platform/<part>}, with a history of their own
 * ({@code platform_<part>_history}) beside the service's, right after the service's migrations ran.
 * A service that enables a part writes none of its tables, and a change to them is written once,
 * here. The three services made these tables in their own migrations before the platform had any;
 * the platform's first migrations find them there and leave them as they are.
 */
public class PlatformMigrations implements InitializingBean {

  private final String part;
  private final Flyway serviceMigrations;

  /** {@code serviceMigrations} is the service's Flyway, whose database and settings these share. */
  public PlatformMigrations(String part, Flyway serviceMigrations) {
    this.part = part;
    this.serviceMigrations = serviceMigrations;
  }

  @Override
  public void afterPropertiesSet() {
    Flyway.configure(serviceMigrations.getConfiguration().getClassLoader())
        .configuration(serviceMigrations.getConfiguration())
        .table("platform_" + part + "_history")
        .locations("classpath:db/platform/" + part)
        // The schema already holds the service's tables: the part's history starts below its first
        // migration, so that every one of them runs.
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }
}
