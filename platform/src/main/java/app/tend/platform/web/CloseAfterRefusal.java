package app.tend.platform.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Closes the connection after refusing a request that came with a body. A refusal is often
 * answered before the body is read (no sign-in, wrong content type, an id that is not one), and a
 * connection kept alive after that stalled now and then: the next request on it went unanswered
 * until the client gave up (checkin-service's BadInputIT found it; about 1 in 1,000 such
 * requests). The client (the gateway, a browser) simply opens a new one.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CloseAfterRefusal implements WebFilter {

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    var request = exchange.getRequest().getHeaders();
    if (request.getContentLength() > 0 || request.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
      var response = exchange.getResponse();
      response.beforeCommit(() -> {
        if (response.getStatusCode() != null && response.getStatusCode().isError()) {
          response.getHeaders().set(HttpHeaders.CONNECTION, "close");
        }
        return Mono.empty();
      });
    }
    return chain.filter(exchange);
  }
}
