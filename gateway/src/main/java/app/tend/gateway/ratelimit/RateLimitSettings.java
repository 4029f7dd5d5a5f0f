package app.tend.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many requests one person may make.
 *
 * @param requestsPerSecond the sustained rate per person
 * @param burst how many requests may come at once after a quiet spell
 */
@ConfigurationProperties("tend.rate-limit")
public record RateLimitSettings(double requestsPerSecond, int burst) {}
