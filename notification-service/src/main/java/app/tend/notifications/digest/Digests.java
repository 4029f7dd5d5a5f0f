package app.tend.notifications.digest;

import app.tend.notifications.couple.CoupleProjection;
import app.tend.notifications.reminder.PartnerDay;
import app.tend.notifications.reminder.ReminderPlan;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** What waits for each clinician's morning digest, and when that digest is due. */
@Repository
class Digests {

  /** When a digest arrives, in the clinician's morning. */
  static final LocalTime MORNING = LocalTime.of(8, 0);

  private final DatabaseClient database;
  private final CoupleProjection couples;

  Digests(DatabaseClient database, CoupleProjection couples) {
    this.database = database;
    this.couples = couples;
  }

  /** Keeps the clinic's time zone, the morning its clinicians' digests come in. */
  Mono<Void> clinicTimeZone(UUID clinicId, String timeZone) {
    return database
        .sql("insert into clinic (id, time_zone) values (:id, :zone) on conflict (id) do update set time_zone = excluded.time_zone")
        .bind("id", clinicId)
        .bind("zone", timeZone)
        .then();
  }

  /**
   * Keeps {@code reason} for the digest of the couple's clinician, once per event, and makes sure
   * that clinician has a digest due.
   *
   * @return false when the couple's clinician is not known here yet
   */
  Mono<Boolean> collect(UUID eventId, UUID clinicId, UUID coupleId, DigestReason reason, Instant now) {
    return couples.clinicianOf(coupleId, clinicId)
        .flatMap(clinician -> database
            .sql(
                """
                insert into digest_item (source_event_id, clinician_id, clinic_id, couple_id, reason)
                values (:event, :clinician, :clinic, :couple, :reason) on conflict do nothing
                """)
            .bind("event", eventId)
            .bind("clinician", clinician)
            .bind("clinic", clinicId)
            .bind("couple", coupleId)
            .bind("reason", reason.name())
            .then()
            .then(nextMorning(clinician, clinicId, now))
            .flatMap(due -> database
                .sql("insert into digest_schedule (clinician_id, clinic_id, due_at) values (:clinician, :clinic, :due) on conflict do nothing")
                .bind("clinician", clinician)
                .bind("clinic", clinicId)
                .bind("due", due)
                .then())
            .thenReturn(true))
        .defaultIfEmpty(false);
  }

  /**
   * The clinician's next morning, in their clinic's time zone. Tend does not ask clinicians for
   * one; where the clinic's is not known here, it is the zone most of their couples' partners chose
   * (and UTC when none is known yet).
   */
  Mono<Instant> nextMorning(UUID clinicianId, UUID clinicId, Instant now) {
    return database
        .sql(
            """
            select time_zone from (
              select time_zone, 1 as rank from clinic where id = :clinic
              union all
              (select m.time_zone, 2 from couple_member m join couple_clinician c on c.couple_id = m.couple_id
               where c.clinician_id = :clinician and m.time_zone is not null
               group by m.time_zone order by count(*) desc, m.time_zone limit 1)) zones
            order by rank limit 1
            """)
        .bind("clinic", clinicId)
        .bind("clinician", clinicianId)
        .map(row -> row.get("time_zone", String.class))
        .one()
        .defaultIfEmpty("UTC")
        .map(zone -> ReminderPlan.nextDaily(new PartnerDay(ZoneId.of(zone), MORNING, null, null), now, null));
  }

  /** A clinician whose digest is due, claimed by one instance. */
  record Due(UUID clinicianId, UUID clinicId, Instant dueAt) {}

  /** Claims up to {@code limit} due digests for {@code lease}, skipping those another instance holds. */
  Mono<List<Due>> claim(String owner, Duration lease, int limit) {
    return database
        .sql(
            """
            with due as (
              select clinician_id from digest_schedule
              where due_at <= now() and (claimed_until is null or claimed_until < now())
              order by due_at limit :limit for update skip locked)
            update digest_schedule s set claimed_by = :owner, claimed_until = now() + make_interval(secs => :leaseSeconds)
            from due where s.clinician_id = due.clinician_id
            returning s.clinician_id, s.clinic_id, s.due_at
            """)
        .bind("owner", owner)
        .bind("leaseSeconds", (double) lease.toMillis() / 1000)
        .bind("limit", limit)
        .map(row -> new Due(row.get("clinician_id", UUID.class), row.get("clinic_id", UUID.class), row.get("due_at", Instant.class)))
        .all()
        .collectList();
  }

  /** What a digest reports: how many couples, and how many of each reason. */
  record Contents(long couples, Map<DigestReason, Long> counts) {
    boolean isEmpty() {
      return counts.isEmpty();
    }
  }

  /** Marks everything waiting for the clinician as reported by {@code digestId}, and answers what it was. */
  Mono<Contents> takeWaiting(UUID clinicianId, UUID digestId) {
    return database
        .sql("update digest_item set digest_id = :digest where clinician_id = :clinician and digest_id is null returning reason, couple_id")
        .bind("digest", digestId)
        .bind("clinician", clinicianId)
        .map(row -> Map.entry(DigestReason.valueOf(row.get("reason", String.class)), row.get("couple_id", UUID.class)))
        .all()
        .collectList()
        .map(items -> {
          Map<DigestReason, Long> counts = new EnumMap<>(DigestReason.class);
          items.forEach(item -> counts.merge(item.getKey(), 1L, Long::sum));
          return new Contents(items.stream().map(Map.Entry::getValue).distinct().count(), counts);
        });
  }

  /** Sets the next digest and releases the claim, unless another instance has taken it over meanwhile. */
  Mono<Void> reschedule(UUID clinicianId, String owner, Instant nextDue) {
    return database
        .sql("update digest_schedule set due_at = :due, claimed_by = null, claimed_until = null where clinician_id = :clinician and claimed_by = :owner")
        .bind("due", nextDue)
        .bind("clinician", clinicianId)
        .bind("owner", owner)
        .then();
  }
}
