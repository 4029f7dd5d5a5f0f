package app.tend.infra.bench;

import app.tend.infra.servers.PostgresEndpoint;
import app.tend.infra.stack.DemoData;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Everyone reminded at once: {@code count} partners of one clinic whose daily reminder falls due
 * at the same instant, and the time until notification-service's reminder scheduler has put every
 * one of them in its partner's feed. Creating that many logins in Keycloak would take hours here,
 * so the partners are written straight into notification-service's own tables, as its consumers
 * would have written them on hearing each partner join: their day (zone, reminder time) and their
 * reminder row. They chose no e-mail for reminders, so the burst measures the in-app feed; e-mail
 * sending is paced by the mail server, not by Tend.
 */
public final class ReminderBurst {

  /**
   * What the burst measured.
   *
   * @param firstAfter from the due instant to the first reminder row
   * @param allAfter from the due instant until every reminder was seen in the feeds (or the deadline)
   * @param created reminders in the feeds
   * @param sentTwice reminders beyond one per partner
   * @param leftDue partners whose reminder is still due or claimed afterwards (it was not moved on to tomorrow)
   */
  public record Result(int partners, Duration firstAfter, Duration allAfter, long created, long sentTwice, long leftDue) {

    public double perSecond() {
      Duration sending = allAfter.minus(firstAfter);
      return sending.isPositive() ? created / (sending.toNanos() / 1e9) : Double.NaN;
    }

    public long missing() {
      return Math.max(0, partners - (created - sentTwice));
    }
  }

  /** Time to write the partners before their reminders fall due: a couple of seconds, and one more per 10,000. */
  private static Duration lead(int partners) {
    return Duration.ofSeconds(2 + partners / 10_000);
  }
  private static final Duration DEADLINE = Duration.ofMinutes(10);

  private ReminderBurst() {}

  static Result run(PostgresEndpoint postgres, int partners) {
    UUID clinic = UUID.randomUUID();
    try (Connection notifications = DriverManager.getConnection(postgres.jdbcUrl("notifications"), postgres.username(), postgres.password())) {
      try {
        Instant due = seed(notifications, clinic, partners);
        return await(notifications, clinic, partners, due);
      } finally {
        remove(notifications, clinic);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the reminder burst could not use notification-service's database", e);
    }
  }

  /** The partners, their choice of no e-mail for reminders, and their reminders, all due at one instant a few seconds ahead. */
  private static Instant seed(Connection db, UUID clinic, int partners) throws SQLException {
    Instant due = Instant.now().plus(lead(partners)).truncatedTo(ChronoUnit.SECONDS);
    try (var members = db.prepareStatement(
        """
        insert into couple_member (partner_id, couple_id, clinic_id, time_zone, reminder_time)
        select gen_random_uuid(), md5(?::text || (n / 2))::uuid, ?, ?, ?::time from generate_series(0, ? - 1) n
        """)) {
      members.setObject(1, clinic);
      members.setObject(2, clinic);
      members.setString(3, DemoData.LOAD_ZONE.getId());
      members.setString(4, due.atZone(DemoData.LOAD_ZONE).toLocalTime().toString());
      members.setInt(5, partners);
      members.executeUpdate();
    }
    update(db, "insert into email_preference (person_id, subject, emailed) select partner_id, 'REMINDERS', false from couple_member where clinic_id = ?", clinic);
    try (var reminders = db.prepareStatement(
        "insert into reminder (partner_id, clinic_id, due_at) select partner_id, clinic_id, ? from couple_member where clinic_id = ?")) {
      reminders.setTimestamp(1, Timestamp.from(due));
      reminders.setObject(2, clinic);
      reminders.executeUpdate();
    }
    return due;
  }

  private static Result await(Connection db, UUID clinic, int partners, Instant due) throws SQLException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    try (var progress = db.prepareStatement(
        "select count(*), count(distinct recipient_id), min(created_at) from notification where clinic_id = ? and kind = 'CHECKIN_REMINDER'")) {
      progress.setObject(1, clinic);
      while (true) {
        try (var rows = progress.executeQuery()) {
          rows.next();
          long created = rows.getLong(1);
          long distinct = rows.getLong(2);
          Instant seen = Instant.now();
          if (distinct >= partners || System.nanoTime() > deadline) {
            Timestamp first = rows.getTimestamp(3);
            return new Result(partners, first == null ? Duration.ZERO : Duration.between(due, first.toInstant()), Duration.between(due, seen),
                created, created - distinct, leftDue(db, clinic));
          }
        }
        Pacing.sleepUntil(System.nanoTime() + 100_000_000);
      }
    }
  }

  /** Reminders that are still due or held by a claim: a handled one is due again tomorrow and unclaimed. */
  private static long leftDue(Connection db, UUID clinic) throws SQLException {
    try (var query = db.prepareStatement(
        "select count(*) from reminder where clinic_id = ? and (due_at is null or due_at <= now() or claimed_by is not null)")) {
      query.setObject(1, clinic);
      try (var rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private static void remove(Connection db, UUID clinic) throws SQLException {
    update(db, "delete from notification where clinic_id = ?", clinic);
    update(db, "delete from email_preference where person_id in (select partner_id from couple_member where clinic_id = ?)", clinic);
    update(db, "delete from reminder where clinic_id = ?", clinic);
    update(db, "delete from couple_member where clinic_id = ?", clinic);
  }

  private static void update(Connection db, String sql, UUID clinic) throws SQLException {
    try (var statement = db.prepareStatement(sql)) {
      statement.setObject(1, clinic);
      statement.executeUpdate();
    }
  }
}
