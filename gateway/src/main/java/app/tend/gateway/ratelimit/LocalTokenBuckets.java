package app.tend.gateway.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;

/**
 * The buckets in this gateway's memory. With n gateways behind a load balancer a person gets up to
 * n times the rate, which is still a bound; {@link RedisTokenBuckets} shares one bucket among them.
 */
final class LocalTokenBuckets implements TokenBuckets {

  private static final long FORGET_EVERY_NANOS = 60_000_000_000L;

  private final RateLimitSettings settings;
  private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
  private final AtomicLong lastForget;

  LocalTokenBuckets(RateLimitSettings settings) {
    this(settings, System.nanoTime());
  }

  /** With the clock's reading at start, for tests that pass their own times. */
  LocalTokenBuckets(RateLimitSettings settings, long now) {
    this.settings = settings;
    this.lastForget = new AtomicLong(now);
  }

  @Override
  public Mono<Decision> take(String person) {
    return Mono.fromSupplier(() -> takeNow(person, System.nanoTime()));
  }

  Decision takeNow(String person, long now) {
    forgetIdleOnceAMinute(now);
    var bucket = buckets.computeIfAbsent(person, key -> new TokenBucket(settings.burst(), settings.requestsPerSecond(), now));
    return bucket.tryTake(now) ? Decision.ALLOWED : Decision.refused(bucket.secondsUntilNext(now));
  }

  int size() {
    return buckets.size();
  }

  /** Forgets people whose bucket has refilled, so memory follows the active users only. */
  private void forgetIdleOnceAMinute(long now) {
    long last = lastForget.get();
    if (now - last >= FORGET_EVERY_NANOS && lastForget.compareAndSet(last, now)) {
      buckets.entrySet().removeIf(entry -> entry.getValue().isFull(now));
    }
  }
}
