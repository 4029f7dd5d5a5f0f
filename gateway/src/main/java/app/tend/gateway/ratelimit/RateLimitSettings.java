package app.tend.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many requests one person may make.
 *
 * @param requestsPerSecond the sustained rate per person
 * @param burst how many requests may come at once after a quiet spell
 * @param redisUrl a Redis server that the gateway replicas share the buckets through (for example
 *     {@code redis://redis:6379}); blank for buckets in each gateway's memory
 */
@ConfigurationProperties("tend.rate-limit")
public record RateLimitSettings(double requestsPerSecond, int burst, String redisUrl) {

  boolean shared() {
    return redisUrl != null && !redisUrl.isBlank();
  }
}
