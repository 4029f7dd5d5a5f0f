package app.tend.platform.security;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/** The caller of the request being handled. */
public final class CurrentCaller {

  private CurrentCaller() {}

  public static Mono<Caller> get() {
    return ReactiveSecurityContextHolder.getContext()
        .map(context -> context.getAuthentication())
        .ofType(JwtAuthenticationToken.class)
        .map(token -> Caller.of(token.getToken()));
  }
}
