package app.tend.platform.web;

import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Turns every error into an RFC 9457 problem whose {@code detail} a person can act on. Nothing from
 * the exception itself reaches the response: no stack, no SQL, no private text.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
  /** What a 503 asks a client to wait: a killed database is back, recovered, within about this long. */
  private static final String RETRY_AFTER_SECONDS = "5";

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
  }

  /**
   * An address no controller answers. Spring's own detail names the path as a "static resource",
   * which means nothing to the person reading it.
   */
  @ExceptionHandler(NoResourceFoundException.class)
  ProblemDetail noSuchAddress(NoResourceFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", "There is nothing at this address. Please check it and try again.");
  }

  @ExceptionHandler(InvalidRequestException.class)
  ProblemDetail invalid(InvalidRequestException e) {
    return problem(HttpStatus.BAD_REQUEST, "Some answers need another look", e.getMessage());
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    return problem(HttpStatus.CONFLICT, "Already there", e.getMessage());
  }

  @ExceptionHandler(UnprocessableException.class)
  ProblemDetail unprocessable(UnprocessableException e) {
    return problem(HttpStatus.UNPROCESSABLE_ENTITY, e.title(), e.getMessage());
  }

  @ExceptionHandler(GoneException.class)
  ProblemDetail gone(GoneException e) {
    return problem(HttpStatus.GONE, e.title(), e.getMessage());
  }

  @ExceptionHandler(UnavailableException.class)
  Mono<ResponseEntity<ProblemDetail>> unavailable(UnavailableException e) {
    return withRequestIds(() -> {
      log.warn("a dependency did not answer: {}", e.getCause() == null ? "?" : e.getCause().getClass().getName());
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30")
          .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Not available right now", e.getMessage()));
    });
  }

  @ExceptionHandler(Exception.class)
  Mono<ResponseEntity<ProblemDetail>> unexpected(Exception e) {
    return withRequestIds(() -> unexpectedAnswer(e));
  }

  private static ResponseEntity<ProblemDetail> unexpectedAnswer(Exception e) {
    // Logged by type only: the message of a database error can quote the values written.
    if (DependencyOutage.isCause(e)) {
      log.warn("database unavailable ({}) while handling a request", e.getClass().getName());
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
          .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Briefly unavailable",
              "Tend cannot reach its records just now. Please try again in a minute."));
    }
    log.error("unexpected {} while handling a request", e.getClass().getName());
    return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
        "Something went wrong on our side and nothing was changed. Please try again in a moment."));
  }

  /**
   * Makes the answer, and its log line, inside Reactor's {@code handle}: the one place where the
   * request's trace and request ids are on the thread (context propagation is limited), so an error
   * logged here can be followed to its request.
   */
  private static Mono<ResponseEntity<ProblemDetail>> withRequestIds(Supplier<ResponseEntity<ProblemDetail>> answer) {
    return Mono.just(answer).handle((making, sink) -> sink.next(making.get()));
  }

  @Override
  protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(
      WebExchangeBindException e, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
    String fields =
        e.getFieldErrors().stream()
            .map(error -> error.getField() + " " + error.getDefaultMessage())
            .sorted()
            .collect(Collectors.joining("; "));
    var problem = problem(HttpStatus.BAD_REQUEST, "Some answers need another look", "Please check: " + fields + ".");
    return Mono.just(ResponseEntity.badRequest().body(problem));
  }

  @Override
  protected Mono<ResponseEntity<Object>> handleServerWebInputException(
      ServerWebInputException e, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
    var problem =
        problem(HttpStatus.BAD_REQUEST, "We could not read that",
            "The request could not be read: it must be JSON with only the expected fields, each of the right kind.");
    return Mono.just(ResponseEntity.badRequest().body(problem));
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    var problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }
}
