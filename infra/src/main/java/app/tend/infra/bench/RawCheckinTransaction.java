package app.tend.infra.bench;

import app.tend.infra.servers.PostgresEndpoint;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The baseline of the check-in write path: the same two-row transaction that checkin-service makes
 * for a check-in (the day's row, upserted, and its outbox row), straight through the R2DBC driver
 * on one connection per worker, with nothing around it: no HTTP, token, validation or framework.
 * It writes to copies of the two tables in a schema of its own ({@code bench_raw}) in checkin-service's
 * database, on the same server, so the relay never sees its outbox rows and no partner is touched.
 */
final class RawCheckinTransaction implements AutoCloseable {

  private static final String SCHEMA = "bench_raw";

  /** An envelope of the size checkin-service writes for a revised check-in. */
  private static final String ENVELOPE = "{\"eventId\":\"%s\",\"eventType\":\"CheckinRevised\",\"occurredAt\":\"%s\","
      + "\"clinicId\":\"%s\",\"coupleId\":\"%s\",\"payload\":{\"checkinId\":\"%s\",\"coupleId\":\"%s\",\"partnerId\":\"%s\","
      + "\"day\":\"%s\",\"ratings\":{\"followThrough\":%d,\"empathicListening\":%d,\"honesty\":%d,\"mattering\":%d,\"connected\":%d},"
      + "\"appreciationAdded\":false}}";

  private final PostgresEndpoint postgres;
  private final List<PostgresqlConnection> connections = new ArrayList<>();
  private final List<UUID> partners = new ArrayList<>();
  private final UUID clinic = UUID.randomUUID();
  private final UUID couple = UUID.randomUUID();

  private RawCheckinTransaction(PostgresEndpoint postgres) {
    this.postgres = postgres;
  }

  /** Makes the schema afresh and opens one connection per worker. */
  static RawCheckinTransaction open(PostgresEndpoint postgres, int workers) {
    var raw = new RawCheckinTransaction(postgres);
    raw.schema("drop schema if exists " + SCHEMA + " cascade",
        "create schema " + SCHEMA,
        "create table " + SCHEMA + ".checkin (like public.checkin including all)",
        "create table " + SCHEMA + ".outbox_event (like public.outbox_event including all)",
        // Its own id sequence: the copied default would draw from the real outbox's.
        "create sequence " + SCHEMA + ".outbox_event_id_seq",
        "alter table " + SCHEMA + ".outbox_event alter column id set default nextval('" + SCHEMA + ".outbox_event_id_seq')");
    var factory = new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
        .host(postgres.host()).port(postgres.port()).database("checkins")
        .username(postgres.username()).password(postgres.password()).build());
    for (int w = 0; w < workers; w++) {
      raw.connections.add(factory.create().block());
      raw.partners.add(UUID.randomUUID());
    }
    return raw;
  }

  /** One worker's transaction: 200 when it committed, -1 when it failed. */
  int call(int worker, long iteration) {
    var connection = connections.get(worker);
    UUID partner = partners.get(worker);
    LocalDate day = LocalDate.now(ZoneOffset.UTC);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    short[] ratings = {(short) (iteration % 5), (short) (iteration / 5 % 5), (short) (iteration / 25 % 5), (short) (iteration / 125 % 5),
        (short) (1 + iteration / 625 % 5)};
    UUID eventId = UUID.randomUUID();
    UUID checkinId = UUID.randomUUID();
    String envelope = ENVELOPE.formatted(eventId, now, clinic, couple, checkinId, couple, partner, day,
        ratings[0], ratings[1], ratings[2], ratings[3], ratings[4]);
    try {
      Mono.from(connection.beginTransaction())
          .thenMany(connection.createStatement("""
                  with before as (select appreciation from bench_raw.checkin where partner_id = $4 and local_date = $5)
                  insert into bench_raw.checkin (id, clinic_id, couple_id, partner_id, local_date, follow_through, empathic_listening,
                                                 honesty, mattering, connected, appreciation, private_reflection, submitted_at, updated_at)
                  values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, null, null, $11, $11)
                  on conflict (partner_id, local_date) do update set
                      follow_through = excluded.follow_through, empathic_listening = excluded.empathic_listening,
                      honesty = excluded.honesty, mattering = excluded.mattering, connected = excluded.connected,
                      appreciation = excluded.appreciation, private_reflection = excluded.private_reflection,
                      updated_at = excluded.updated_at
                  where (checkin.follow_through, checkin.empathic_listening, checkin.honesty, checkin.mattering, checkin.connected,
                         checkin.appreciation, checkin.private_reflection)
                      is distinct from
                        (excluded.follow_through, excluded.empathic_listening, excluded.honesty, excluded.mattering, excluded.connected,
                         excluded.appreciation, excluded.private_reflection)
                  returning id, (xmax = 0) as created, (select appreciation from before) as appreciation_before
                  """)
              .bind("$1", checkinId).bind("$2", clinic).bind("$3", couple).bind("$4", partner).bind("$5", day)
              .bind("$6", ratings[0]).bind("$7", ratings[1]).bind("$8", ratings[2]).bind("$9", ratings[3]).bind("$10", ratings[4])
              .bind("$11", now)
              .execute())
          .flatMap(result -> result.map((row, meta) -> row.get("id", UUID.class)))
          .then(Mono.from(connection.createStatement("""
                  insert into bench_raw.outbox_event (event_id, topic, record_key, event_type, envelope)
                  values ($1, 'tend.checkins', $2, 'CheckinRevised', $3)
                  """)
              .bind("$1", eventId).bind("$2", couple.toString()).bind("$3", envelope)
              .execute()).flatMap(result -> Mono.from(result.getRowsUpdated())))
          .then(Mono.from(connection.commitTransaction()))
          .block();
      return 200;
    } catch (RuntimeException e) {
      Mono.from(connection.rollbackTransaction()).onErrorComplete().block();
      return -1;
    }
  }

  @Override
  public void close() {
    connections.forEach(connection -> Mono.from(connection.close()).onErrorComplete().block());
    schema("drop schema if exists " + SCHEMA + " cascade");
  }

  private void schema(String... statements) {
    try (var connection = DriverManager.getConnection(postgres.jdbcUrl("checkins"), postgres.username(), postgres.password());
        var statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not prepare the raw transaction's tables", e);
    }
  }
}
