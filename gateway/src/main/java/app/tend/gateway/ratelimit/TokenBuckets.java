package app.tend.gateway.ratelimit;

import reactor.core.publisher.Mono;

/** One token bucket per signed-in person: a request takes a token, or is refused until one refills. */
interface TokenBuckets {

  /** Takes a token from {@code person}'s bucket if there is one. */
  Mono<Decision> take(String person);

  /**
   * @param allowed whether the request may go on
   * @param retryAfterSeconds when refused, how long until the next token (at least 1)
   */
  record Decision(boolean allowed, long retryAfterSeconds) {

    static final Decision ALLOWED = new Decision(true, 0);

    static Decision refused(long retryAfterSeconds) {
      return new Decision(false, Math.max(1, retryAfterSeconds));
    }
  }
}
