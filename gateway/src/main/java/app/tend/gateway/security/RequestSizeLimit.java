package app.tend.gateway.security;

import app.tend.gateway.routing.Problems;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a request whose body is larger than {@link EdgeSettings#maxRequestSize()} before it is
 * read or routed, with a 413 problem. A body sent without a length (chunked) is bounded by the
 * services' own codec limit.
 */
@Component
class RequestSizeLimit implements WebFilter, Ordered {

  private final EdgeSettings settings;
  private final Problems problems;

  RequestSizeLimit(EdgeSettings settings, Problems problems) {
    this.settings = settings;
    this.problems = problems;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    long length = exchange.getRequest().getHeaders().getContentLength();
    if (length > settings.maxRequestSize().toBytes()) {
      return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "Too large",
          "This request is larger than Tend accepts (" + settings.maxRequestSize().toKilobytes() + " KB). Nothing was changed.");
    }
    return chain.filter(exchange);
  }

  @Override
  public int getOrder() {
    // After the request id (so the refusal carries one), before security reads anything.
    return Ordered.HIGHEST_PRECEDENCE + 2;
  }
}
