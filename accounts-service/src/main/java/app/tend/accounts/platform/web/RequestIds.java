package app.tend.accounts.platform.web;

import app.tend.contracts.TendHeaders;
import io.micrometer.context.ContextRegistry;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Carries the request id the gateway set (or a new one for a direct call) through the handling of a
 * request: into the Reactor context, the log lines (MDC key {@code requestId}), the response header,
 * and from there into the outbox row and the Kafka record.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIds implements WebFilter {

  public static final String KEY = "requestId";
  private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

  static {
    ContextRegistry.getInstance()
        .registerThreadLocalAccessor(KEY, () -> MDC.get(KEY), value -> MDC.put(KEY, value), () -> MDC.remove(KEY));
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String given = exchange.getRequest().getHeaders().getFirst(TendHeaders.REQUEST_ID);
    // A header from outside is only trusted when it looks like an id: it ends up in logs.
    String requestId = given != null && ACCEPTABLE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    exchange.getResponse().getHeaders().set(TendHeaders.REQUEST_ID, requestId);
    return chain.filter(exchange).contextWrite(context -> context.put(KEY, requestId));
  }

  /** The request id in {@code context}, or null outside a request. */
  public static String of(ContextView context) {
    return context.getOrDefault(KEY, null);
  }
}
