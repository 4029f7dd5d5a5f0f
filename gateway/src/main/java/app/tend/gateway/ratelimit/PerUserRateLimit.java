package app.tend.gateway.ratelimit;

import app.tend.gateway.routing.Problems;
import java.security.Principal;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Limits each signed-in person's request rate, so one misbehaving client cannot crowd out the
 * others. Security refuses requests without a person before this runs, but for the few open paths
 * (health, for one), which are not limited per person.
 */
@Component
class PerUserRateLimit implements GlobalFilter, Ordered {

  private final TokenBuckets buckets;
  private final Problems problems;

  PerUserRateLimit(TokenBuckets buckets, Problems problems) {
    this.buckets = buckets;
    this.problems = problems;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    return exchange.getPrincipal()
        .map(Principal::getName)
        .flatMap(buckets::take)
        .defaultIfEmpty(TokenBuckets.Decision.ALLOWED)
        .flatMap(decision -> {
          if (decision.allowed()) {
            return chain.filter(exchange);
          }
          exchange.getResponse().getHeaders().set("Retry-After", Long.toString(decision.retryAfterSeconds()));
          return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
              "That was a lot of requests in a short time. Please wait a moment and try again.");
        });
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }
}
