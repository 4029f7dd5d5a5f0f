package app.tend.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void aBurstIsAllowedThenTheRateHolds() {
    var bucket = new TokenBucket(3, 1.0, 0);
    assertThat(bucket.tryTake(0)).isTrue();
    assertThat(bucket.tryTake(0)).isTrue();
    assertThat(bucket.tryTake(0)).isTrue();
    assertThat(bucket.tryTake(0)).isFalse();
    assertThat(bucket.secondsUntilNext(0)).isEqualTo(1);
    assertThat(bucket.tryTake(SECOND / 2)).isFalse();
    assertThat(bucket.tryTake(SECOND)).isTrue();
  }

  @Test
  void aQuietBucketRefillsToItsCapacityAndNoFurther() {
    var bucket = new TokenBucket(2, 10.0, 0);
    bucket.tryTake(0);
    bucket.tryTake(0);
    assertThat(bucket.isFull(0)).isFalse();
    assertThat(bucket.isFull(100 * SECOND)).isTrue();
    assertThat(bucket.tryTake(100 * SECOND)).isTrue();
    assertThat(bucket.tryTake(100 * SECOND)).isTrue();
    assertThat(bucket.tryTake(100 * SECOND)).isFalse();
  }
}
