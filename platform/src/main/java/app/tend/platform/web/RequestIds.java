package app.tend.platform.web;

import app.tend.contracts.TendHeaders;
import io.micrometer.context.ContextRegistry;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
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
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIds implements WebFilter {

  public static final String KEY = "requestId";
  /** Where the request came from, as the gateway says; only for the audit log, so never logged or echoed. */
  public static final String CLIENT_ADDRESS_KEY = "clientAddress";
  private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
  private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f.:\\[\\]% via]{1,200}|unknown");

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
    String address = exchange.getRequest().getHeaders().getFirst(TendHeaders.CLIENT_ADDRESS);
    boolean addressAcceptable = address != null && ADDRESS.matcher(address).matches();
    return chain.filter(exchange).contextWrite(context -> {
      var withId = context.put(KEY, requestId);
      return addressAcceptable ? withId.put(CLIENT_ADDRESS_KEY, address) : withId;
    });
  }

  /** Where the request in {@code context} came from, or null when the gateway did not say. */
  public static String clientAddressOf(ContextView context) {
    return context.getOrDefault(CLIENT_ADDRESS_KEY, null);
  }

  /** The request id in {@code context}, or null outside a request. */
  public static String of(ContextView context) {
    return context.getOrDefault(KEY, null);
  }
}
