package app.tend.gateway.routing;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.netty.channel.ConnectTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers every error that reaches the gateway itself as a problem document, at once: a service
 * that refuses connections, goes away while answering, or whose route's circuit breaker is open, is a
 * 503, and so is a call its route's bulkhead turned away; one that does not answer in time a 504;
 * never a hang.
 */
@Component
@Order(-2)
class UnavailableServiceHandler implements ErrorWebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(UnavailableServiceHandler.class);

  private final Problems problems;

  UnavailableServiceHandler(Problems problems) {
    this.problems = problems;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    // More calls in flight on the route than its bulkhead allows: turned away before the service saw it.
    if (causedBy(error, BulkheadFullException.class)) {
      exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
      return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "Busy right now",
          "Tend has more to do than it can take at this moment. Nothing was changed. Please try again in a moment.");
    }
    // Refused connections, and a route whose circuit breaker is open after repeated failures.
    if (causedBy(error, ConnectException.class) || causedBy(error, ConnectTimeoutException.class)
        || causedBy(error, ServiceUnavailableException.class)
        || error instanceof ResponseStatusException status && status.getStatusCode().value() == 503) {
      return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "Not available right now",
          "This part of Tend is not answering right now. Nothing was changed. Please try again in a minute.");
    }
    // The service went away while it held the request (killed, crashed: Reactor Netty's premature
    // close, a reset connection); it may have saved it already.
    if (causedBy(error, IOException.class)) {
      return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "Not available right now",
          "This part of Tend stopped answering. If you were saving something, please check whether it was saved before trying again.");
    }
    if (causedBy(error, TimeoutException.class) || error instanceof ResponseStatusException status && status.getStatusCode().value() == 504) {
      return problems.write(exchange, HttpStatus.GATEWAY_TIMEOUT, "Taking too long",
          "This part of Tend did not answer in time. If you were saving something, please check whether it was saved before trying again.");
    }
    if (error instanceof ResponseStatusException status && status.getStatusCode().is4xxClientError()) {
      var code = HttpStatus.valueOf(status.getStatusCode().value());
      return problems.write(exchange, code, code.getReasonPhrase(), code == HttpStatus.NOT_FOUND
          ? "There is nothing at this address." : "The request could not be handled as sent.");
    }
    log.error("unexpected {} in the gateway", error.getClass().getName());
    return problems.write(exchange, HttpStatus.BAD_GATEWAY, "Something went wrong",
        "Something went wrong between Tend's parts. Please try again in a moment.");
  }

  private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
