package app.tend.gateway.routing;

import app.tend.contracts.TendHeaders;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Tells the services where each request came from, for the audit log of who read a couple's data
 * from where. The address is the connection's; only when that connection is a trusted proxy (web-ui
 * calling for a person's browser, or the cluster's ingress) is the proxy's {@code X-Forwarded-For}
 * believed, and then both are kept: "browser via proxy".
 */
@Component
class ClientAddressFilter implements WebFilter, Ordered {

  /** Longest address chain passed on; anything longer is cut, since it only ever ends up in a column. */
  static final int MAX_LENGTH = 200;
  private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f.:\\[\\]%]{1,60}");

  private final Pattern trustedProxies;

  ClientAddressFilter(@Value("${tend.trusted-proxies}") String trustedProxies) {
    this.trustedProxies = Pattern.compile(trustedProxies);
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
    String connection = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    String address = clientAddress(connection, exchange.getRequest().getHeaders().getOrEmpty("X-Forwarded-For"));
    var request = exchange.getRequest().mutate().headers(headers -> headers.set(TendHeaders.CLIENT_ADDRESS, address)).build();
    return chain.filter(exchange.mutate().request(request).build());
  }

  /**
   * Where a request came from: {@code connection}, or "client via connection" when {@code
   * connection} is a trusted proxy that named the client as the last hop before it.
   */
  String clientAddress(String connection, List<String> forwardedFor) {
    if (!trustedProxies.matcher(connection).matches() || forwardedFor.isEmpty()) {
      return connection;
    }
    String[] hops = String.join(",", forwardedFor).split(",");
    String client = hops[hops.length - 1].strip();
    if (!ADDRESS.matcher(client).matches()) {
      return connection;
    }
    String both = client + " via " + connection;
    return both.length() > MAX_LENGTH ? both.substring(0, MAX_LENGTH) : both;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }
}
