package app.tend.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class VerifiedTokensTest {

  static final Instant START = Instant.parse("2026-12-03T18:00:00Z");

  /** A clock the test moves on. */
  static final class Now extends Clock {
    Instant instant = START;

    @Override
    public Instant instant() {
      return instant;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  /** Stands in for the realm's signature check: accepts the tokens it knows while they have not expired, and counts what it was asked. */
  static final class Realm implements ReactiveJwtDecoder {
    final Map<String, Instant> expiries;
    final Clock clock;
    final Duration grace;
    final List<String> asked = new ArrayList<>();

    Realm(Map<String, Instant> expiries, Clock clock, Duration grace) {
      this.expiries = expiries;
      this.clock = clock;
      this.grace = grace;
    }

    @Override
    public Mono<Jwt> decode(String token) {
      asked.add(token);
      Instant expiresAt = expiries.get(token);
      if (expiresAt == null) {
        return Mono.error(new BadJwtException("Signature does not match"));
      }
      if (!clock.instant().isBefore(expiresAt.plus(grace))) {
        return Mono.error(new BadJwtException("Jwt expired at " + expiresAt));
      }
      return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("alex").issuedAt(expiresAt.minus(Duration.ofMinutes(5))).expiresAt(expiresAt).build());
    }
  }

  final Now now = new Now();

  @Test
  void anAcceptedTokenIsNotCheckedAgainUntilItExpiresAndThenIsRefused() {
    var realm = new Realm(Map.of("head.claims.signature", START.plus(Duration.ofMinutes(5))), now, Duration.ZERO);
    var tokens = new VerifiedTokens(realm, 10, now);

    Jwt first = tokens.decode("head.claims.signature").block();
    now.instant = START.plus(Duration.ofMinutes(4));
    Jwt again = tokens.decode("head.claims.signature").block();

    assertThat(again).isSameAs(first);
    assertThat(realm.asked).hasSize(1);

    now.instant = START.plus(Duration.ofMinutes(5));
    assertThatThrownBy(() -> tokens.decode("head.claims.signature").block()).isInstanceOf(JwtException.class).hasMessageContaining("expired");
    assertThat(realm.asked).hasSize(2);
  }

  @Test
  void aTokenThatDiffersFromAnAcceptedOneInOneCharacterIsCheckedAndRefused() {
    var realm = new Realm(Map.of("head.claims.signature", START.plus(Duration.ofMinutes(5))), now, Duration.ZERO);
    var tokens = new VerifiedTokens(realm, 10, now);
    tokens.decode("head.claims.signature").block();

    assertThatThrownBy(() -> tokens.decode("head.claims.signaturf").block()).isInstanceOf(JwtException.class);
    assertThatThrownBy(() -> tokens.decode("head.claims.signaturf").block()).isInstanceOf(JwtException.class);
    assertThat(realm.asked).containsExactly("head.claims.signature", "head.claims.signaturf", "head.claims.signaturf");
  }

  @Test
  void aTokenAcceptedInTheDecodersGraceTimeAfterItsExpiryIsCheckedEveryTime() {
    var realm = new Realm(Map.of("late", START.minusSeconds(10)), now, Duration.ofSeconds(60));
    var tokens = new VerifiedTokens(realm, 10, now);

    tokens.decode("late").block();
    tokens.decode("late").block();

    assertThat(realm.asked).hasSize(2);
  }

  @Test
  void beyondTheTokensKeptTheRestAreCheckedEveryTime() {
    var realm = new Realm(Map.of("one", START.plus(Duration.ofMinutes(5)), "two", START.plus(Duration.ofMinutes(5))), now,
        Duration.ZERO);
    var tokens = new VerifiedTokens(realm, 1, now);

    for (int i = 0; i < 3; i++) {
      tokens.decode("one").block();
      tokens.decode("two").block();
    }

    assertThat(realm.asked).hasSizeGreaterThanOrEqualTo(4);
  }
}
