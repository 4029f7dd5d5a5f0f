package app.tend.notifications.digest;

import app.tend.notifications.feed.Feed.NewNotification;
import app.tend.notifications.feed.Feed;
import app.tend.notifications.feed.NotificationKind;
import app.tend.platform.work.PollingWorker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Sends each clinician one digest a morning with what collected since the last: one notification
 * (in the feed, and by e-mail unless they turned that off), or nothing on a quiet day. A clinician's
 * digest is claimed, made and rescheduled in one transaction, so instances side by side never send
 * it twice, and one that dies leaves it to another when the claim runs out.
 */
@Component
@EnableConfigurationProperties(DigestSettings.class)
class DigestScheduler extends PollingWorker {

  private static final int BATCH = 50;

  private final Digests digests;
  private final Feed feed;
  private final TransactionalOperator transaction;
  private final DigestSettings settings;
  private final String owner = "digests-" + UUID.randomUUID();

  DigestScheduler(Digests digests, Feed feed, TransactionalOperator transaction, DigestSettings settings) {
    super("digest-scheduler", settings.enabled(), settings.pollInterval(), BATCH);
    this.digests = digests;
    this.feed = feed;
    this.transaction = transaction;
    this.settings = settings;
  }

  @Override
  protected int handleOneBatch() {
    List<Digests.Due> due = digests.claim(owner, settings.lease(), BATCH).block(Duration.ofSeconds(30));
    if (due == null) {
      return 0;
    }
    for (var digest : due) {
      send(digest).as(transaction::transactional).block(Duration.ofSeconds(30));
    }
    return due.size();
  }

  private Mono<Void> send(Digests.Due digest) {
    UUID digestId = UUID.nameUUIDFromBytes(("digest " + digest.clinicianId() + " " + digest.dueAt()).getBytes(StandardCharsets.UTF_8));
    Instant now = Instant.now();
    return digests.takeWaiting(digest.clinicianId(), digestId)
        .flatMap(contents -> contents.isEmpty()
            ? Mono.<Integer>empty()
            : feed.createAll(List.of(new NewNotification(digest.clinicianId(), digest.clinicId(), NotificationKind.DAILY_DIGEST, digestId,
                DigestText.of(contents.couples(), contents.counts())))))
        .then(digests.nextMorning(digest.clinicianId(), digest.clinicId(), now.isAfter(digest.dueAt()) ? now : digest.dueAt()))
        .flatMap(next -> digests.reschedule(digest.clinicianId(), owner, next));
  }
}
