package app.tend.gateway.routing;

import app.tend.contracts.TendHeaders;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an id that follows it through the services, their logs and the Kafka records
 * they cause. A client's own id is kept when it looks like one; anything else is replaced. Runs
 * before security, so refusals carry the id too.
 */
@Component
class RequestIdFilter implements WebFilter, Ordered {

  private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{8,100}");

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String given = exchange.getRequest().getHeaders().getFirst(TendHeaders.REQUEST_ID);
    String requestId = given != null && ACCEPTABLE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    var request = exchange.getRequest().mutate().headers(headers -> headers.set(TendHeaders.REQUEST_ID, requestId)).build();
    // Set just before the answer leaves, replacing the service's copy of the same id: one header,
    // whether the gateway answered itself or passed the service's answer on.
    var response = exchange.getResponse();
    response.beforeCommit(() -> {
      response.getHeaders().set(TendHeaders.REQUEST_ID, requestId);
      return Mono.empty();
    });
    return chain.filter(exchange.mutate().request(request).build());
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
