package app.tend.gateway.ratelimit;

/**
 * A token bucket: {@code capacity} tokens, refilled at {@code perSecond}; each request takes one.
 * Times are passed in so the rule can be tested without waiting.
 */
final class TokenBucket {

  private final double capacity;
  private final double perNano;
  private double tokens;
  private long lastRefill;

  TokenBucket(int capacity, double perSecond, long now) {
    this.capacity = capacity;
    this.perNano = perSecond / 1_000_000_000d;
    this.tokens = capacity;
    this.lastRefill = now;
  }

  /** Takes a token if there is one. */
  synchronized boolean tryTake(long now) {
    refill(now);
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }

  /** Seconds until the next token, at least 1. */
  synchronized long secondsUntilNext(long now) {
    refill(now);
    return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1_000_000_000d));
  }

  /** True when the bucket is full again, so it can be forgotten. */
  synchronized boolean isFull(long now) {
    refill(now);
    return tokens >= capacity;
  }

  private void refill(long now) {
    tokens = Math.min(capacity, tokens + (now - lastRefill) * perNano);
    lastRefill = now;
  }
}
