package app.tend.notifications.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Each partner's next reminder, kept in PostgreSQL so that any instance can send it. */
@Repository
public class Reminders {

  private final DatabaseClient database;

  Reminders(DatabaseClient database) {
    this.database = database;
  }

  /**
   * Works out the partner's next reminder from their day as this service knows it now: after they
   * joined, changed time zone or reminder time, or checked in. A partner whose day is not known
   * (yet) has nothing scheduled.
   */
  public Mono<Void> reschedule(UUID partnerId, Instant now) {
    return database
        .sql(
            """
            select m.clinic_id, m.time_zone, m.reminder_time, m.quiet_hours_start, m.quiet_hours_end,
                   r.unanswered, r.last_sent_at, r.last_checkin_on
            from couple_member m left join reminder r on r.partner_id = m.partner_id
            where m.partner_id = :partnerId
            """)
        .bind("partnerId", partnerId)
        .map(row -> {
          String zone = row.get("time_zone", String.class);
          LocalTime reminderTime = row.get("reminder_time", LocalTime.class);
          Integer unanswered = row.get("unanswered", Integer.class);
          Instant due = zone == null || reminderTime == null
              ? null
              : ReminderPlan.next(new PartnerDay(ZoneId.of(zone), reminderTime, row.get("quiet_hours_start", LocalTime.class),
                      row.get("quiet_hours_end", LocalTime.class)), now, row.get("last_checkin_on", LocalDate.class),
                  unanswered == null ? 0 : unanswered, row.get("last_sent_at", Instant.class));
          return new Scheduled(row.get("clinic_id", UUID.class), due == null ? "" : due.toString());
        })
        .one()
        .flatMap(scheduled -> database
            .sql(
                """
                insert into reminder (partner_id, clinic_id, due_at) values (:partnerId, :clinicId, nullif(:due, '')::timestamptz)
                on conflict (partner_id) do update set clinic_id = excluded.clinic_id, due_at = excluded.due_at,
                  claimed_by = null, claimed_until = null
                """)
            .bind("partnerId", partnerId)
            .bind("clinicId", scheduled.clinicId())
            .bind("due", scheduled.due())
            .then());
  }

  private record Scheduled(UUID clinicId, String due) {}

  /** Schedules every partner whose day is known but who has no reminder yet; answers how many. */
  public Mono<Long> scheduleEveryoneWithout(Instant now) {
    return database
        .sql(
            """
            select m.partner_id from couple_member m
            where m.time_zone is not null and m.reminder_time is not null
              and not exists (select 1 from reminder r where r.partner_id = m.partner_id)
            """)
        .map(row -> row.get("partner_id", UUID.class))
        .all()
        .concatMap(partnerId -> reschedule(partnerId, now).thenReturn(partnerId))
        .count();
  }

  /**
   * The partner checked in on {@code day} (their local date): reminders count as answered again,
   * and that day needs none. Kept even before their day is known here, since the check-in and their
   * joining travel on different topics.
   */
  public Mono<Void> checkedIn(UUID partnerId, UUID clinicId, LocalDate day, Instant now) {
    return database
        .sql(
            """
            insert into reminder (partner_id, clinic_id, last_checkin_on) values (:partnerId, :clinicId, :day)
            on conflict (partner_id) do update set unanswered = 0,
              last_checkin_on = greatest(reminder.last_checkin_on, excluded.last_checkin_on)
            """)
        .bind("partnerId", partnerId)
        .bind("clinicId", clinicId)
        .bind("day", day)
        .then()
        .then(reschedule(partnerId, now));
  }

  /** A partner who left is never reminded again. */
  public Mono<Void> erase(UUID partnerId) {
    return database.sql("delete from reminder where partner_id = :partnerId").bind("partnerId", partnerId).then();
  }

  /**
   * A reminder claimed by one instance, with the partner's day (null when the partner is no longer
   * known here).
   */
  record Due(UUID partnerId, UUID clinicId, Instant dueAt, int unanswered, Instant lastSentAt, LocalDate lastCheckinOn, PartnerDay day) {}

  /**
   * Claims up to {@code limit} reminders that are due and not claimed by a live instance, for
   * {@code lease}. Rows locked by another instance's claim right now are skipped, not waited for,
   * and a claim whose instance died expires with its lease.
   */
  Mono<List<Due>> claim(String owner, Duration lease, int limit) {
    return database
        .sql(
            """
            with due as (
              select partner_id from reminder
              where due_at <= now() and (claimed_until is null or claimed_until < now())
              order by due_at limit :limit for update skip locked),
            claimed as (
              update reminder r set claimed_by = :owner, claimed_until = now() + make_interval(secs => :leaseSeconds)
              from due where r.partner_id = due.partner_id
              returning r.partner_id, r.clinic_id, r.due_at, r.unanswered, r.last_sent_at, r.last_checkin_on)
            select c.*, m.time_zone, m.reminder_time, m.quiet_hours_start, m.quiet_hours_end
            from claimed c left join couple_member m on m.partner_id = c.partner_id
            """)
        .bind("owner", owner)
        .bind("leaseSeconds", (double) lease.toMillis() / 1000)
        .bind("limit", limit)
        .map(row -> {
          String zone = row.get("time_zone", String.class);
          LocalTime reminderTime = row.get("reminder_time", LocalTime.class);
          PartnerDay day = zone == null || reminderTime == null ? null
              : new PartnerDay(ZoneId.of(zone), reminderTime, row.get("quiet_hours_start", LocalTime.class), row.get("quiet_hours_end", LocalTime.class));
          return new Due(row.get("partner_id", UUID.class), row.get("clinic_id", UUID.class), row.get("due_at", Instant.class),
              row.get("unanswered", Integer.class), row.get("last_sent_at", Instant.class), row.get("last_checkin_on", LocalDate.class), day);
        })
        .all()
        .collectList();
  }

  /** What became of one claimed reminder; {@code nextDue} null when nothing is scheduled any more. */
  record Handled(UUID partnerId, Instant dueAt, Instant nextDue, int unanswered, boolean sent) {}

  /**
   * Stores what became of a claimed batch in one statement and releases the claims. A row that was
   * rescheduled meanwhile (a check-in, a new reminder time) or claimed by another instance after
   * this one's lease ran out keeps what it has now.
   */
  Mono<Long> complete(String owner, List<Handled> handled) {
    if (handled.isEmpty()) {
      return Mono.just(0L);
    }
    return database
        .sql(
            """
            update reminder r set due_at = nullif(u.next_due, '')::timestamptz, unanswered = u.unanswered,
              last_sent_at = case when u.sent then now() else r.last_sent_at end, claimed_by = null, claimed_until = null
            from unnest(:partners::uuid[], :dues::text[], :nextDues::text[], :unanswered::int[], :sent::boolean[])
                   as u (partner_id, due_at, next_due, unanswered, sent)
            where r.partner_id = u.partner_id and r.claimed_by = :owner and r.due_at = u.due_at::timestamptz
            """)
        .bind("partners", handled.stream().map(Handled::partnerId).toArray(UUID[]::new))
        .bind("dues", handled.stream().map(h -> h.dueAt().toString()).toArray(String[]::new))
        .bind("nextDues", handled.stream().map(h -> h.nextDue() == null ? "" : h.nextDue().toString()).toArray(String[]::new))
        .bind("unanswered", handled.stream().map(Handled::unanswered).toArray(Integer[]::new))
        .bind("sent", handled.stream().map(Handled::sent).toArray(Boolean[]::new))
        .bind("owner", owner)
        .fetch()
        .rowsUpdated();
  }

  /** How many reminders are due and not yet handled: with "sent", what ops watch. */
  Mono<Long> dueNow() {
    return database.sql("select count(*) from reminder where due_at <= now()").map(row -> row.get(0, Long.class)).one();
  }

  /**
   * How long until the next reminder falls due, by the database's clock (the one claims are made
   * by, so another host's clock skew does not matter); empty when none is waiting.
   */
  Mono<Duration> untilNextDue() {
    return database.sql("""
            select ceil(extract(epoch from due_at - clock_timestamp()) * 1000)::bigint from reminder
            where due_at > now() order by due_at limit 1""")
        .map(row -> Duration.ofMillis(Math.max(0, row.get(0, Long.class))))
        .one();
  }
}
