package app.tend.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Buckets shared through Redis when one is configured, in this gateway's memory otherwise. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

  @Bean
  TokenBuckets tokenBuckets(RateLimitSettings settings, MeterRegistry meters) {
    var local = new LocalTokenBuckets(settings);
    return settings.shared() ? new RedisTokenBuckets(settings, local, meters) : local;
  }
}
