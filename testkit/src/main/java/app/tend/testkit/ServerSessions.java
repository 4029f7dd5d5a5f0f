package app.tend.testkit;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;
import reactor.core.publisher.Mono;

/**
 * WebFlux's own session manager, counting the requests that asked it for their session. Imported
 * through {@link InTest}, it shows whether an app that authenticates every request by its token
 * still makes a server-side session for each one (Spring Security's defaults do).
 */
public final class ServerSessions implements WebSessionManager {

  private final WebSessionManager sessions = new DefaultWebSessionManager();
  private final AtomicInteger asked = new AtomicInteger();

  @Override
  public Mono<WebSession> getSession(ServerWebExchange exchange) {
    // Every exchange takes this Mono when it is made; only a subscription means someone wanted the session.
    return Mono.defer(() -> {
      asked.incrementAndGet();
      return sessions.getSession(exchange);
    });
  }

  /** How many requests asked for their session so far. */
  public int asked() {
    return asked.get();
  }

  /** The counting manager as the context's {@code webSessionManager}. */
  @Configuration(proxyBeanMethods = false)
  public static class InTest {

    @Bean
    public ServerSessions webSessionManager() {
      return new ServerSessions();
    }
  }
}
