package app.tend.gateway.ratelimit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Each person's bucket kept in Redis, so every gateway replica takes from the same one: behind a
 * load balancer a person gets the configured rate, not the rate times the replicas. The refill and
 * the take run as one Lua script, on Redis's clock, so replicas neither race nor need agreeing
 * clocks.
 *
 * <p>When Redis does not answer within {@link #ANSWER_WITHIN}, this gateway limits from its own
 * buckets until it does: a bound per replica still holds, and the API does not go down with a
 * cache. Each such request is counted ({@code tend.rate.limit.unshared}) and the change is logged.
 */
final class RedisTokenBuckets implements TokenBuckets, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RedisTokenBuckets.class);

  /** Longer than a loopback or in-cluster round trip by far; short enough not to be felt. */
  static final Duration ANSWER_WITHIN = Duration.ofMillis(250);

  private static final long RECONNECT_PAUSE_NANOS = Duration.ofSeconds(5).toNanos();

  /**
   * KEYS[1] the person's bucket; ARGV[1] capacity, ARGV[2] tokens per second. Answers {1, 0} when a
   * token was taken, or {0, seconds until the next one}. The bucket expires once it would be full.
   */
  static final String TAKE_SCRIPT =
      """
      local capacity = tonumber(ARGV[1])
      local per_second = tonumber(ARGV[2])
      local time = redis.call('TIME')
      local now = tonumber(time[1]) + tonumber(time[2]) / 1000000
      local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
      local tokens = tonumber(bucket[1]) or capacity
      local at = tonumber(bucket[2]) or now
      tokens = math.min(capacity, tokens + math.max(0, now - at) * per_second)
      local allowed = 0
      local wait = 0
      if tokens >= 1 then
        tokens = tokens - 1
        allowed = 1
      else
        wait = math.ceil((1 - tokens) / per_second)
      end
      redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
      redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / per_second * 1000) + 1000)
      return {allowed, wait}
      """;

  private static final String TAKE_SCRIPT_SHA = sha1(TAKE_SCRIPT);

  private final RedisClient client;
  private final RedisURI address;
  private final String capacity;
  private final String perSecond;
  private final LocalTokenBuckets fallback;
  private final Counter unshared;
  private final AtomicReference<CompletableFuture<StatefulRedisConnection<String, String>>> connection = new AtomicReference<>();
  private final AtomicLong lastConnectFailure = new AtomicLong();
  private final AtomicBoolean degraded = new AtomicBoolean();

  RedisTokenBuckets(RateLimitSettings settings, LocalTokenBuckets fallback, MeterRegistry meters) {
    // The script's arguments are the same for every request: written out once, not per request.
    this.capacity = Integer.toString(settings.burst());
    this.perSecond = Double.toString(settings.requestsPerSecond());
    this.fallback = fallback;
    this.address = RedisURI.create(settings.redisUrl());
    this.client = RedisClient.create();
    // While the connection is down, a command fails at once rather than queueing for the reconnect.
    client.setOptions(ClientOptions.builder().autoReconnect(true)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
    this.unshared = Counter.builder("tend.rate.limit.unshared")
        .description("Requests limited by this gateway alone because Redis did not answer").register(meters);
  }

  @Override
  public Mono<Decision> take(String person) {
    String[] keys = {"tend:rate-limit:" + person};
    return connection()
        .flatMap(redis -> redis.reactive()
            .<List<Long>>evalsha(TAKE_SCRIPT_SHA, ScriptOutputType.MULTI, keys, capacity, perSecond)
            // Redis forgets scripts when it restarts; sending the script itself loads it again.
            .onErrorResume(RedisNoScriptException.class,
                missing -> redis.reactive().eval(TAKE_SCRIPT, ScriptOutputType.MULTI, keys, capacity, perSecond))
            .next())
        .timeout(ANSWER_WITHIN)
        .map(answer -> {
          if (degraded.compareAndSet(true, false)) {
            log.info("Redis at {} answers again; the rate limit is shared across gateways again", address);
          }
          return answer.get(0) == 1L ? Decision.ALLOWED : Decision.refused(answer.get(1));
        })
        .onErrorResume(failure -> {
          if (degraded.compareAndSet(false, true)) {
            log.warn("Redis at {} did not answer ({}); limiting in this gateway alone until it does", address, failure.toString());
          }
          unshared.increment();
          return fallback.take(person);
        });
  }

  /** The connection, opening it on first use and again (at most every 5 s) after a failed open. */
  private Mono<StatefulRedisConnection<String, String>> connection() {
    return Mono.defer(() -> {
      var current = connection.get();
      boolean failed = current != null && current.isCompletedExceptionally();
      if (current == null || (failed && System.nanoTime() - lastConnectFailure.get() >= RECONNECT_PAUSE_NANOS)) {
        var opening = client.connectAsync(StringCodec.UTF8, address).toCompletableFuture();
        opening.whenComplete((opened, error) -> {
          if (error != null) {
            lastConnectFailure.set(System.nanoTime());
          }
        });
        if (connection.compareAndSet(current, opening)) {
          current = opening;
        } else {
          opening.thenAccept(StatefulRedisConnection::closeAsync);
          current = connection.get();
        }
      }
      return Mono.fromFuture(current, true);
    });
  }

  @Override
  public void close() {
    var current = connection.get();
    if (current != null) {
      current.thenAccept(StatefulRedisConnection::close);
    }
    client.shutdown();
  }

  private static String sha1(String script) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }
}
