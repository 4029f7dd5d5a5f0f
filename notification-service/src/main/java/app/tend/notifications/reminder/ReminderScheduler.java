package app.tend.notifications.reminder;

import app.tend.notifications.feed.Feed.NewNotification;
import app.tend.notifications.feed.Feed;
import app.tend.notifications.feed.NotificationKind;
import app.tend.notifications.reminder.Reminders.Due;
import app.tend.notifications.reminder.Reminders.Handled;
import app.tend.platform.work.PollingWorker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Sends the daily reminders that fell due. Any number of instances run this side by side: each
 * claims a batch of due rows for a lease, creates that batch's notifications in one statement and
 * stores every partner's next reminder in another, in one transaction. A batch whose instance died
 * is taken over when its lease runs out; its notifications derive from (partner, due time), so a
 * batch handled twice still reminds each person once.
 *
 * <p>Between batches it rests until the next reminder it knows of falls due, at most the poll
 * interval: everyone reminded at the same evening minute is reminded at that minute, not up to a
 * poll later. A reminder scheduled while it rests, and due before the rest ends, is sent when the rest
 * ends, at most a poll late.
 */
@Component
@EnableConfigurationProperties(ReminderSettings.class)
public class ReminderScheduler extends PollingWorker {

  private final Reminders reminders;
  private final Feed feed;
  private final TransactionalOperator transaction;
  private final ReminderSettings settings;
  private final String owner = "reminders-" + UUID.randomUUID();
  private final Counter sent;
  private final Counter notSent;
  private final AtomicLong due = new AtomicLong();

  ReminderScheduler(Reminders reminders, Feed feed, TransactionalOperator transaction, ReminderSettings settings, MeterRegistry meters) {
    super("reminder-scheduler", settings.enabled(), settings.pollInterval(), settings.batchSize());
    this.reminders = reminders;
    this.feed = feed;
    this.transaction = transaction;
    this.settings = settings;
    this.sent = Counter.builder("tend.reminders").tag("outcome", "sent").description("Reminders sent").register(meters);
    this.notSent = Counter.builder("tend.reminders").tag("outcome", "not-sent")
        .description("Reminders that fell due and were not sent: checked in already, or too late to be welcome").register(meters);
    Gauge.builder("tend.reminders.due", due, AtomicLong::get).description("Reminders due and not yet handled").register(meters);
  }

  /** The notification a reminder derives from: the same partner and due time always give the same id. */
  static UUID sourceOf(UUID partnerId, Instant dueAt) {
    return UUID.nameUUIDFromBytes(("reminder " + partnerId + " " + dueAt).getBytes(StandardCharsets.UTF_8));
  }

  /** Claims one batch and handles it; answers how many reminders it claimed. */
  @Override
  protected int handleOneBatch() {
    List<Due> batch = reminders.claim(owner, settings.lease(), settings.batchSize()).block(Duration.ofSeconds(60));
    if (batch == null || batch.isEmpty()) {
      return 0;
    }
    Instant now = Instant.now();
    List<NewNotification> notifications = new ArrayList<>();
    List<Handled> handled = new ArrayList<>(batch.size());
    for (Due reminder : batch) {
      if (reminder.day() == null) {
        handled.add(new Handled(reminder.partnerId(), reminder.dueAt(), null, reminder.unanswered(), false));
        continue;
      }
      var outcome = ReminderPlan.atDue(reminder.day(), reminder.dueAt(), now, reminder.lastCheckinOn(), reminder.unanswered(),
          reminder.lastSentAt());
      boolean sending = outcome.kind() != ReminderPlan.Kind.NONE;
      if (sending) {
        var kind = outcome.kind() == ReminderPlan.Kind.GENTLE ? NotificationKind.GENTLE_REMINDER : NotificationKind.CHECKIN_REMINDER;
        notifications.add(new NewNotification(reminder.partnerId(), reminder.clinicId(), kind, sourceOf(reminder.partnerId(), reminder.dueAt())));
      }
      handled.add(new Handled(reminder.partnerId(), reminder.dueAt(), outcome.nextDue(), outcome.unanswered(), sending));
    }
    feed.createAll(notifications)
        .then(reminders.complete(owner, handled))
        .as(transaction::transactional)
        .block(Duration.ofSeconds(60));
    sent.increment(notifications.size());
    notSent.increment(batch.size() - notifications.size());
    return batch.size();
  }

  /** Partners who joined before reminders existed here get theirs, once. */
  @Override
  protected void beforeFirstBatch() {
    Long scheduled = reminders.scheduleEveryoneWithout(Instant.now()).block(Duration.ofMinutes(5));
    if (scheduled != null && scheduled > 0) {
      log.info("scheduled reminders for {} partners who had none", scheduled);
    }
  }

  @Override
  protected Duration restAfterShortBatch(Duration pollInterval) {
    return reminders.untilNextDue().blockOptional(Duration.ofSeconds(10))
        .filter(untilDue -> untilDue.compareTo(pollInterval) < 0)
        .orElse(pollInterval);
  }

  @Override
  protected void caughtUp() {
    due.set(reminders.dueNow().blockOptional(Duration.ofSeconds(10)).orElse(0L));
  }
}
