package app.tend.platform.outbox;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import reactor.util.context.ContextView;

/**
 * The trace a write belongs to, kept in its outbox row so that the event, published later by
 * another thread, still continues that trace: the relay sends these headers ({@code traceparent},
 * {@code tracestate}) with the Kafka record and the consumer's span becomes a child of the request's.
 *
 * <p>Stored as {@code name=value} lines: W3C trace headers never hold a line break or an {@code =}
 * in their names.
 */
public class TraceHeaders {

  private final ObjectProvider<Tracer> tracer;
  private final ObjectProvider<Propagator> propagator;

  TraceHeaders(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
    this.tracer = tracer;
    this.propagator = propagator;
  }

  /** The headers of the trace running in {@code context}, encoded for the outbox; null when none is. */
  String of(ContextView context) {
    Span span = spanIn(context);
    Propagator headers = propagator.getIfAvailable();
    if (span == null || headers == null) {
      return null;
    }
    var carrier = new LinkedHashMap<String, String>();
    headers.inject(span.context(), carrier, Map::put);
    return carrier.isEmpty() ? null : encode(carrier);
  }

  /**
   * The request's span: WebFlux keeps its observation in the Reactor context rather than in a
   * thread local; a Kafka listener or a scheduled job has its span on the thread instead.
   */
  private Span spanIn(ContextView context) {
    Observation observation = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
    if (observation != null) {
      TracingObservationHandler.TracingContext tracing =
          observation.getContextView().get(TracingObservationHandler.TracingContext.class);
      if (tracing != null && tracing.getSpan() != null) {
        return tracing.getSpan();
      }
    }
    Tracer current = tracer.getIfAvailable();
    return current == null ? null : current.currentSpan();
  }

  static String encode(Map<String, String> headers) {
    var lines = new StringBuilder();
    headers.forEach((name, value) -> lines.append(name).append('=').append(value).append('\n'));
    return lines.toString();
  }

  static Map<String, String> decode(String stored) {
    var headers = new LinkedHashMap<String, String>();
    if (stored != null) {
      for (String line : stored.split("\n")) {
        int equals = line.indexOf('=');
        if (equals > 0) {
          headers.put(line.substring(0, equals), line.substring(equals + 1));
        }
      }
    }
    return headers;
  }
}
