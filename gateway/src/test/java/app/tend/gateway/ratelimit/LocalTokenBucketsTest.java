package app.tend.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalTokenBucketsTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void eachPersonHasABucketOfTheirOwnAndARefusalSaysWhenToComeBack() {
    var buckets = new LocalTokenBuckets(new RateLimitSettings(0.5, 2, ""), 0);
    assertThat(buckets.takeNow("ana", 0).allowed()).isTrue();
    assertThat(buckets.takeNow("ana", 0).allowed()).isTrue();
    assertThat(buckets.takeNow("ana", 0)).isEqualTo(new TokenBuckets.Decision(false, 2));
    assertThat(buckets.takeNow("ben", 0).allowed()).isTrue();
  }

  @Test
  void peopleWhoseBucketRefilledAreForgottenOnceAMinute() {
    var buckets = new LocalTokenBuckets(new RateLimitSettings(10, 2, ""), 0);
    buckets.takeNow("ana", 0);
    buckets.takeNow("ben", 0);
    assertThat(buckets.size()).isEqualTo(2);
    buckets.takeNow("ana", 61 * SECOND);
    assertThat(buckets.size()).as("ben's bucket was full again; ana's is in use").isEqualTo(1);
  }
}
