package app.tend.notifications.reminder;

import app.tend.notifications.NotificationServers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.tend.contracts.accounts.PartnerJoined;
import app.tend.contracts.accounts.PreferencesChanged;
import app.tend.contracts.checkin.CheckinSubmitted;
import app.tend.contracts.checkin.TrustRatings;
import app.tend.notifications.feed.Feed;
import app.tend.testkit.TopicProbe;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Reminders on real PostgreSQL and Kafka: scheduled when a partner joins or changes their day,
 * spared after a check-in, and sent once each by several scheduler instances sharing one database,
 * even when one of them dies holding a batch. The service's own scheduler runs alongside the
 * instances a test makes, as a third replica would.
 */
@SpringBootTest(properties = {"tend.reminders.poll-interval=200ms", "tend.reminders.batch-size=250", "tend.email.enabled=false"})
class ReminderSchedulerIT {

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    NotificationServers.register(registry);
  }

  @Autowired DatabaseClient database;
  @Autowired Reminders reminders;
  @Autowired Feed feed;
  @Autowired TransactionalOperator transaction;

  private ReminderScheduler anotherInstance(Duration lease) {
    return new ReminderScheduler(reminders, feed, transaction, new ReminderSettings(false, Duration.ofMillis(200), 250, lease),
        new SimpleMeterRegistry());
  }

  private long count(String sql, UUID id) {
    return database.sql(sql).bind("id", id).map(row -> row.get(0, Long.class)).one().block();
  }

  private Instant dueAt(UUID partnerId) {
    return database.sql("select due_at from reminder where partner_id = :id").bind("id", partnerId)
        .map(row -> row.get(0, Instant.class)).one().block();
  }

  /**
   * {@code partners} partners of one new clinic in UTC, each with a reminder that fell due a
   * minute ago at their chosen time. Returns the clinic.
   */
  private UUID partnersDueNow(int partners) {
    return partnersDueNow(partners, null, Duration.ZERO);
  }

  /** As {@link #partnersDueNow(int)}, claimed by {@code owner} for {@code lease} as they are stored. */
  private UUID partnersDueNow(int partners, String owner, Duration lease) {
    UUID clinicId = UUID.randomUUID();
    database.sql(
            """
            with partner as (select gen_random_uuid() as id from generate_series(1, :n)),
            member as (
              insert into couple_member (partner_id, couple_id, clinic_id, time_zone, reminder_time)
              select id, gen_random_uuid(), :clinic, 'UTC', date_trunc('second', now() at time zone 'UTC' - interval '1 minute')::time from partner
              returning partner_id)
            insert into reminder (partner_id, clinic_id, due_at, claimed_by, claimed_until)
            select partner_id, :clinic, date_trunc('second', now() - interval '1 minute'), nullif(:owner, ''),
                   case when :owner = '' then null else now() + make_interval(secs => :leaseSeconds) end
            from member
            """)
        .bind("n", partners)
        .bind("owner", owner == null ? "" : owner)
        .bind("leaseSeconds", lease.toSeconds())
        .bind("clinic", clinicId)
        .then()
        .block();
    return clinicId;
  }

  private long remindedOnce(UUID clinicId) {
    return count("""
        select count(*) from (select recipient_id from notification where clinic_id = :id and kind = 'CHECKIN_REMINDER'
                              group by recipient_id having count(*) = 1) once""", clinicId);
  }

  private long reminders(UUID clinicId) {
    return count("select count(*) from notification where clinic_id = :id", clinicId);
  }

  private long stillDue(UUID clinicId) {
    return count("select count(*) from reminder where clinic_id = :id and due_at <= now()", clinicId);
  }

  @Test
  void aPartnerWhoJoinsIsRemindedAtTheirTimeAndRescheduledAtOnceWhenTheyChangeIt() {
    UUID clinicId = UUID.randomUUID();
    UUID coupleId = UUID.randomUUID();
    UUID partnerId = UUID.randomUUID();
    TopicProbe.publish(new PartnerJoined(coupleId, clinicId, partnerId, "America/New_York", LocalTime.of(19, 30), LocalTime.of(22, 0),
        LocalTime.of(7, 0), false), clinicId, coupleId);
    await().atMost(Duration.ofSeconds(60)).until(() -> dueAt(partnerId) != null);
    var newYork = new PartnerDay(ZoneId.of("America/New_York"), LocalTime.of(19, 30), LocalTime.of(22, 0), LocalTime.of(7, 0));
    assertThat(dueAt(partnerId)).isEqualTo(ReminderPlan.nextDaily(newYork, Instant.now(), null))
        .isBetween(Instant.now(), Instant.now().plus(Duration.ofHours(25)));

    // Moving to Tokyo and to the morning moves the next reminder at once, not after the old one.
    TopicProbe.publish(new PreferencesChanged(coupleId, clinicId, partnerId, "Asia/Tokyo", LocalTime.of(8, 15), LocalTime.of(23, 0),
        LocalTime.of(6, 0), Set.of()), clinicId, coupleId);
    var tokyo = new PartnerDay(ZoneId.of("Asia/Tokyo"), LocalTime.of(8, 15), LocalTime.of(23, 0), LocalTime.of(6, 0));
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(dueAt(partnerId)).isEqualTo(ReminderPlan.nextDaily(tokyo, Instant.now(), null)));

    // Checking in today (their Tokyo day) leaves today without a reminder.
    LocalDate todayInTokyo = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    TopicProbe.publish(new CheckinSubmitted(UUID.randomUUID(), coupleId, partnerId, todayInTokyo, new TrustRatings(3, 3, 3, 3, 3), false),
        clinicId, coupleId);
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      assertThat(dueAt(partnerId).atZone(ZoneId.of("Asia/Tokyo")).toLocalDate()).isAfter(todayInTokyo);
      assertThat(dueAt(partnerId).atZone(ZoneId.of("Asia/Tokyo")).toLocalTime()).isEqualTo(LocalTime.of(8, 15));
    });
  }

  @Test
  void aReminderDueOnADayTheyAlreadyCheckedInIsNotSent() {
    // Held by a claim of the test's until they have checked in: the scheduler polls meanwhile, and
    // would otherwise send them in between (CI saw all three sent once).
    UUID clinicId = partnersDueNow(3, "test-setup", Duration.ofMinutes(5));
    database.sql("update reminder set last_checkin_on = (now() at time zone 'UTC')::date, claimed_by = null, claimed_until = null"
            + " where clinic_id = :c").bind("c", clinicId)
        .then().block();
    await().atMost(Duration.ofSeconds(30)).until(() -> stillDue(clinicId) == 0);
    assertThat(reminders(clinicId)).isZero();
    assertThat(count("select count(*) from reminder where clinic_id = :id and unanswered = 0 and due_at > now() + interval '20 hours'",
        clinicId)).isEqualTo(3);
  }

  @Test
  void threeInstancesOnOneDatabaseRemindEveryPartnerExactlyOnce() {
    int partners = 3_000;
    UUID clinicId = partnersDueNow(partners);
    var instances = List.of(anotherInstance(Duration.ofSeconds(60)), anotherInstance(Duration.ofSeconds(60)));
    var claimedBatches = new AtomicInteger();
    var running = new ArrayList<CompletableFuture<Void>>();
    for (var instance : instances) {
      running.add(CompletableFuture.runAsync(() -> {
        int empty = 0;
        while (empty < 3) {
          if (instance.handleOneBatch() == 0) {
            empty++;
          } else {
            claimedBatches.incrementAndGet();
          }
        }
      }));
    }
    CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
    await().atMost(Duration.ofSeconds(30)).until(() -> stillDue(clinicId) == 0);

    assertThat(reminders(clinicId)).isEqualTo(partners);
    assertThat(remindedOnce(clinicId)).isEqualTo(partners);
    assertThat(claimedBatches.get()).as("both test instances took part").isGreaterThanOrEqualTo(2);
    assertThat(count("select count(*) from reminder where clinic_id = :id and unanswered = 1 and claimed_by is null "
        + "and due_at > now() + interval '20 hours' and last_sent_at is not null", clinicId)).isEqualTo(partners);
  }

  @Test
  void aBatchClaimedByAnInstanceThatDiedIsSentByAnotherOnceItsLeaseRunsOut() {
    // An instance claimed these (as Reminders.claim leaves them) and died before sending any of them.
    // They are stored claimed: the service's own scheduler, polling meanwhile, must not win them first.
    UUID clinicId = partnersDueNow(200, "instance-that-died", Duration.ofSeconds(3));
    Instant claimed = Instant.now();
    // What it would store, had it only been slow.
    var late = database.sql("select partner_id, due_at from reminder where clinic_id = :c").bind("c", clinicId)
        .map(row -> new Reminders.Handled(row.get("partner_id", UUID.class), row.get("due_at", Instant.class),
            row.get("due_at", Instant.class).plus(1, ChronoUnit.DAYS), 1, true))
        .all().collectList().block();

    var survivor = anotherInstance(Duration.ofSeconds(60));
    survivor.handleOneBatch();
    assertThat(reminders(clinicId)).as("a live claim is left alone").isZero();

    await().atMost(Duration.ofSeconds(30)).until(() -> {
      survivor.handleOneBatch();
      return stillDue(clinicId) == 0;
    });
    assertThat(Duration.between(claimed, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(3).minusMillis(200));
    assertThat(remindedOnce(clinicId)).isEqualTo(200);

    // Had the "dead" instance only been slow, finishing its batch late changes nothing now.
    var notifications = late.stream().map(h -> new Feed.NewNotification(h.partnerId(), clinicId,
        app.tend.notifications.feed.NotificationKind.CHECKIN_REMINDER, ReminderScheduler.sourceOf(h.partnerId(), h.dueAt()))).toList();
    assertThat(feed.createAll(notifications).block()).isZero();
    assertThat(reminders.complete("instance-that-died", late).block()).isZero();
    assertThat(reminders(clinicId)).isEqualTo(200);
  }

  @Test
  void betweenBatchesTheSchedulerRestsUntilTheNextReminderFallsDueAndNoLongerThanItsPoll() {
    UUID clinicId = partnersDueNow(3);
    database.sql("update reminder set due_at = now() + interval '5 seconds' where clinic_id = :c").bind("c", clinicId).then().block();
    var idle = anotherInstance(Duration.ofSeconds(60));

    Duration rest = idle.restAfterShortBatch(Duration.ofMinutes(10));
    // Other tests' partners may be due sooner still, never later.
    assertThat(rest).isGreaterThanOrEqualTo(Duration.ZERO).isLessThanOrEqualTo(Duration.ofSeconds(5));
    assertThat(idle.restAfterShortBatch(Duration.ofMillis(100))).isEqualTo(Duration.ofMillis(100));
  }
}
