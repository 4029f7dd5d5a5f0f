package app.tend.notifications.digest;

import app.tend.contracts.EventEnvelope;
import app.tend.contracts.Topics;
import app.tend.contracts.accounts.ClinicCreated;
import app.tend.platform.inbox.EventHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Keeps each clinic's time zone, so that its clinicians' digests come in their morning. */
@Component
class ClinicCreatedHandler extends EventHandler<ClinicCreated> {

  private final DatabaseClient database;

  ClinicCreatedHandler(DatabaseClient database) {
    super(ClinicCreated.class, Topics.ACCOUNTS_CLINIC, "kept the clinic's time zone");
    this.database = database;
  }

  @Override
  protected Mono<Void> handle(ClinicCreated created, EventEnvelope envelope) {
    return database
        .sql("insert into clinic (id, time_zone) values (:id, :zone) on conflict (id) do update set time_zone = excluded.time_zone")
        .bind("id", created.clinicId())
        .bind("zone", created.timeZone())
        .then();
  }
}
