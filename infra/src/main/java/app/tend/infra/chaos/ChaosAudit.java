package app.tend.infra.chaos;

import app.tend.infra.chaos.Attempt.Outcome;
import app.tend.infra.chaos.Attempt.Write;
import app.tend.infra.servers.PostgresEndpoint;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Looks in the services' own databases for what the load was told was done: every accepted write
 * stored, every event that should reach the partner's feed there exactly once. It reads the
 * databases directly, because asking through the API would only ask the system under test to vouch
 * for itself.
 */
public final class ChaosAudit {

  /** The events notification-service turns into a notification for the other partner. */
  private static final String NOTIFYING_EVENTS = """
      (event_type in ('CheckinSubmitted', 'RepairOpened', 'RepairStepTaken')
       or (event_type = 'CheckinRevised' and (envelope::jsonb -> 'payload' ->> 'appreciationAdded') = 'true'))""";

  private final PostgresEndpoint postgres;
  private final UUID clinicId;
  private final Instant since;

  /**
   * @param clinicId the clinic whose couples carry the load; other clinics' data is not looked at
   * @param since when the load began
   */
  public ChaosAudit(PostgresEndpoint postgres, UUID clinicId, Instant since) {
    this.postgres = postgres;
    this.clinicId = clinicId;
    this.since = since;
  }

  /** What the databases hold against what the load was told. */
  public record Findings(int acceptedWrites, int missingWrites, List<String> missing, int eventsExpected, int eventsUnpublished,
      int eventsMissing, int duplicateNotifications) {}

  public Findings audit(List<Attempt> attempts) {
    try (var checkins = connect("checkins"); var notifications = connect("notifications")) {
      List<String> missing = new java.util.ArrayList<>();
      missing.addAll(missingRows(checkins, attempts));
      missing.addAll(missingCheckins(checkins, attempts));
      var expected = notifyingEvents(checkins, Instant.now());
      var notified = notifiedEvents(notifications);
      int eventsMissing = (int) expected.stream().filter(event -> !notified.contains(event)).count();
      int accepted = (int) attempts.stream().filter(a -> a.outcome() == Outcome.ACCEPTED).count();
      return new Findings(accepted, missing.size(), missing, expected.size(), unpublished(checkins), eventsMissing,
          duplicateNotifications(notifications));
    } catch (SQLException e) {
      throw new IllegalStateException("the audit could not read the databases", e);
    }
  }

  /** How many of the clinic's partners checkin-service has heard of (through Kafka) so far. */
  public int partnersKnown() {
    try (var checkins = connect("checkins");
        var query = checkins.prepareStatement("select count(*) from partner where clinic_id = ?")) {
      query.setObject(1, clinicId);
      return count(query);
    } catch (SQLException e) {
      throw new IllegalStateException("the audit could not read the databases", e);
    }
  }

  /** How many notifying events written before {@code before} have no notification yet. */
  public int eventsNotYetNotified(Instant before) {
    try (var checkins = connect("checkins"); var notifications = connect("notifications")) {
      var expected = notifyingEvents(checkins, before);
      var notified = notifiedEvents(notifications);
      return (int) expected.stream().filter(event -> !notified.contains(event)).count();
    } catch (SQLException e) {
      throw new IllegalStateException("the audit could not read the databases", e);
    }
  }

  /** Commitments, withdrawals, repairs and repair steps that were accepted but are not stored. */
  private List<String> missingRows(Connection checkins, List<Attempt> attempts) throws SQLException {
    var accepted = attempts.stream().filter(a -> a.outcome() == Outcome.ACCEPTED).map(Attempt::write).toList();
    var missing = new java.util.ArrayList<String>();
    var made = ids(accepted, Write.CommitmentMade.class, Write.CommitmentMade::commitmentId);
    var stored = existing(checkins, "select id from commitment where id = any(?)", made);
    made.stream().filter(id -> !stored.contains(id)).forEach(id -> missing.add("commitment " + id));
    var withdrawn = ids(accepted, Write.CommitmentWithdrawn.class, Write.CommitmentWithdrawn::commitmentId);
    var storedWithdrawn = existing(checkins, "select id from commitment where id = any(?) and withdrawn_at is not null", withdrawn);
    withdrawn.stream().filter(id -> !storedWithdrawn.contains(id)).forEach(id -> missing.add("withdrawal of commitment " + id));
    var opened = ids(accepted, Write.RepairOpened.class, Write.RepairOpened::repairId);
    var storedRepairs = existing(checkins, "select id from repair where id = any(?)", opened);
    opened.stream().filter(id -> !storedRepairs.contains(id)).forEach(id -> missing.add("repair " + id));

    Map<Write.RepairStep, Long> steps = accepted.stream()
        .filter(Write.RepairStep.class::isInstance).map(Write.RepairStep.class::cast)
        .collect(Collectors.groupingBy(step -> step, Collectors.counting()));
    var repairs = steps.keySet().stream().map(Write.RepairStep::repairId).distinct().toList();
    var storedSteps = new HashMap<Write.RepairStep, Long>();
    try (var query = checkins.prepareStatement(
        "select repair_id, kind, partner_id, count(*) from repair_step where repair_id = any(?) group by 1, 2, 3")) {
      query.setArray(1, checkins.createArrayOf("uuid", repairs.toArray()));
      try (var rows = query.executeQuery()) {
        while (rows.next()) {
          storedSteps.put(new Write.RepairStep(rows.getObject(1, UUID.class), rows.getString(2), rows.getObject(3, UUID.class)), rows.getLong(4));
        }
      }
    }
    steps.forEach((step, count) -> {
      if (storedSteps.getOrDefault(step, 0L) < count) {
        missing.add("repair step " + step.kind() + " of repair " + step.repairId());
      }
    });
    return missing;
  }

  /**
   * Each partner's check-in of each day must hold the ratings of their last accepted check-in, or of
   * a later one whose answer was lost (it may have been stored): never older ones, never none.
   */
  private List<String> missingCheckins(Connection checkins, List<Attempt> attempts) throws SQLException {
    record PartnerDay(UUID partnerId, LocalDate day) {}
    Map<PartnerDay, Integer> lastAccepted = new HashMap<>();
    Map<PartnerDay, Set<Integer>> mayHoldRounds = new HashMap<>();
    for (Attempt attempt : attempts) {
      if (attempt.write() instanceof Write.Checkin(UUID partner, LocalDate day, int round) && attempt.outcome() != Outcome.REFUSED) {
        var key = new PartnerDay(partner, day);
        mayHoldRounds.computeIfAbsent(key, k -> new HashSet<>()).add(round);
        if (attempt.outcome() == Outcome.ACCEPTED) {
          lastAccepted.merge(key, round, Math::max);
        }
      }
    }
    var missing = new java.util.ArrayList<String>();
    try (var query = checkins.prepareStatement("""
        select follow_through, empathic_listening, honesty, mattering, connected from checkin where partner_id = ? and local_date = ?""")) {
      for (var entry : lastAccepted.entrySet()) {
        query.setObject(1, entry.getKey().partnerId());
        query.setObject(2, entry.getKey().day());
        try (var rows = query.executeQuery()) {
          if (!rows.next()) {
            missing.add("check-in of " + entry.getKey());
            continue;
          }
          int round = rows.getInt(1) + 5 * rows.getInt(2) + 25 * rows.getInt(3) + 125 * rows.getInt(4) + 625 * (rows.getInt(5) - 1);
          if (round < entry.getValue() || !mayHoldRounds.get(entry.getKey()).contains(round)) {
            missing.add("check-in of " + entry.getKey() + ": holds round " + round + ", last accepted " + entry.getValue());
          }
        }
      }
    }
    return missing;
  }

  private List<UUID> notifyingEvents(Connection checkins, Instant before) throws SQLException {
    try (var query = checkins.prepareStatement("select event_id from outbox_event where created_at >= ? and created_at < ? "
        + "and (envelope::jsonb ->> 'clinicId') = ? and " + NOTIFYING_EVENTS)) {
      query.setTimestamp(1, Timestamp.from(since));
      query.setTimestamp(2, Timestamp.from(before));
      query.setString(3, clinicId.toString());
      return uuids(query);
    }
  }

  private Set<UUID> notifiedEvents(Connection notifications) throws SQLException {
    try (var query = notifications.prepareStatement("select source_event_id from notification where clinic_id = ? and created_at >= ?")) {
      query.setObject(1, clinicId);
      query.setTimestamp(2, Timestamp.from(since));
      return new HashSet<>(uuids(query));
    }
  }

  private int unpublished(Connection checkins) throws SQLException {
    try (var query = checkins.prepareStatement(
        "select count(*) from outbox_event where published_at is null and created_at >= ? and (envelope::jsonb ->> 'clinicId') = ?")) {
      query.setTimestamp(1, Timestamp.from(since));
      query.setString(2, clinicId.toString());
      return count(query);
    }
  }

  /** Events that reached a partner's feed more than once. */
  private int duplicateNotifications(Connection notifications) throws SQLException {
    try (var query = notifications.prepareStatement("""
        select count(*) from (select source_event_id from notification where clinic_id = ? and created_at >= ?
                              group by source_event_id having count(*) > 1) as twice""")) {
      query.setObject(1, clinicId);
      query.setTimestamp(2, Timestamp.from(since));
      return count(query);
    }
  }

  private static <W extends Write> List<UUID> ids(List<Write> writes, Class<W> type, java.util.function.Function<W, UUID> id) {
    return writes.stream().filter(type::isInstance).map(type::cast).map(id).toList();
  }

  private static Set<UUID> existing(Connection connection, String sql, List<UUID> ids) throws SQLException {
    try (var query = connection.prepareStatement(sql)) {
      query.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
      return new HashSet<>(uuids(query));
    }
  }

  private static List<UUID> uuids(java.sql.PreparedStatement query) throws SQLException {
    var found = new java.util.ArrayList<UUID>();
    try (var rows = query.executeQuery()) {
      while (rows.next()) {
        found.add(rows.getObject(1, UUID.class));
      }
    }
    return found;
  }

  private static int count(java.sql.PreparedStatement query) throws SQLException {
    try (var rows = query.executeQuery()) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password());
  }
}
