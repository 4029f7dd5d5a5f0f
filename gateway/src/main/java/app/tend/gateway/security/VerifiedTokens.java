package app.tend.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Checks each token once, not on every request it comes with: a token the decoder accepted is kept,
 * under the whole token as it came (header, claims and signature), until it expires, and the same
 * token again is answered from here without its signature checked anew.
 *
 * <p>Why: a person's token comes with every request they make for minutes on end, and checking its
 * RS256 signature, parsing it and turning the realm's key into a Java key again each time was the
 * largest part of the gateway's own CPU per request (docs/performance.md).
 *
 * <p>Why it is as safe as checking every time: only a token the decoder accepted is kept, so one
 * that differs from it in a single character (a forged signature, changed claims) is not found and
 * is checked, and refused, like any other. A kept token is answered only while it has not expired by
 * this clock, and dropped when it has. A signing key withdrawn from the realm ends nothing sooner
 * without this: the decoder keeps the realm's keys it has read until a token names one it does not
 * know. The services behind check every token themselves, kept or not.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

  private final ReactiveJwtDecoder decoder;
  private final Clock clock;
  private final Cache<String, Jwt> accepted;

  /**
   * @param kept how many accepted tokens at most are kept; the least used go first, and a token not
   *     kept is checked on every request as before
   */
  VerifiedTokens(ReactiveJwtDecoder decoder, int kept, Clock clock) {
    this.decoder = decoder;
    this.clock = clock;
    this.accepted = Caffeine.newBuilder()
        .maximumSize(kept)
        // Evictions are tidied on the request's own thread: a few map operations, not worth a hop to another pool.
        .executor(Runnable::run)
        .expireAfter(Expiry.creating((String token, Jwt jwt) -> Duration.between(clock.instant(), jwt.getExpiresAt())))
        .build();
  }

  @Override
  public Mono<Jwt> decode(String token) {
    Jwt known = accepted.getIfPresent(token);
    if (known != null && clock.instant().isBefore(known.getExpiresAt())) {
      return Mono.just(known);
    }
    if (known != null) {
      accepted.invalidate(token);
    }
    return decoder.decode(token).doOnNext(jwt -> {
      // A token without an expiry, or checked in the decoder's grace time after it, is not kept.
      if (jwt.getExpiresAt() != null && clock.instant().isBefore(jwt.getExpiresAt())) {
        accepted.put(token, jwt);
      }
    });
  }
}
