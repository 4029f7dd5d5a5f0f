package app.tend.gateway.ratelimit;

import app.tend.gateway.routing.Problems;
import java.security.Principal;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Limits each signed-in person's request rate, so one misbehaving client cannot crowd out the
 * others. Requests without a person are refused by security before this runs. The buckets live in
 * this instance: with n gateway instances behind a load balancer a person gets up to n times the
 * rate, which is still a bound.
 */
@Component
class PerUserRateLimit implements GlobalFilter, Ordered {

  private final RateLimitSettings settings;
  private final Problems problems;
  private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  PerUserRateLimit(RateLimitSettings settings, Problems problems) {
    this.settings = settings;
    this.problems = problems;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    return exchange.getPrincipal()
        .map(Principal::getName)
        .flatMap(person -> {
          long now = System.nanoTime();
          var bucket = buckets.computeIfAbsent(person, key -> new TokenBucket(settings.burst(), settings.requestsPerSecond(), now));
          if (bucket.tryTake(now)) {
            return chain.filter(exchange);
          }
          exchange.getResponse().getHeaders().set("Retry-After", Long.toString(bucket.secondsUntilNext(now)));
          return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
              "That was a lot of requests in a short time. Please wait a moment and try again.");
        })
        .switchIfEmpty(Mono.defer(() -> chain.filter(exchange)));
  }

  /** Forgets people whose bucket has refilled, so memory follows the active users only. */
  @Scheduled(fixedDelay = 60_000)
  void forgetIdle() {
    long now = System.nanoTime();
    buckets.entrySet().removeIf(entry -> entry.getValue().isFull(now));
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }
}
