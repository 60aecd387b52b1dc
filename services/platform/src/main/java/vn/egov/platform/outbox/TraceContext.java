package vn.egov.platform.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;

/**
 * The W3C trace context of the current span, captured when an event is appended and restored when the
 * relay sends it, so the producer span (and the consumer's) join the trace of the business request.
 */
public class TraceContext {

    static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    /** Without tracing: nothing is captured and {@link #restore} is a no-op. */
    public static TraceContext none() {
        return new TraceContext(null, null);
    }

    public TraceContext(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The {@code traceparent} of the current span, or null when there is none. */
    public String current() {
        if (tracer == null || propagator == null) {
            return null;
        }
        Span span = tracer.currentSpan();
        if (span == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** Whether {@link #restore} opens a real span (otherwise the caller passes the header on itself). */
    public boolean active() {
        return tracer != null && propagator != null;
    }

    /**
     * Makes a child span of {@code traceparent} current until the returned scope is closed.
     *
     * @param name the span name
     */
    public Restored restore(String traceparent, String name) {
        if (!active() || traceparent == null) {
            return Restored.NONE;
        }
        Span span = propagator
                .extract(Map.of(TRACEPARENT, traceparent), (carrier, key) -> carrier.get(key))
                .name(name)
                .kind(Span.Kind.PRODUCER)
                .start();
        Tracer.SpanInScope scope = tracer.withSpan(span);
        return new Restored(span, scope);
    }

    /** A span restored for one send; close it when the send is handed to the client. */
    public static final class Restored implements AutoCloseable {

        static final Restored NONE = new Restored(null, null);

        private final Span span;
        private final Tracer.SpanInScope scope;

        Restored(Span span, Tracer.SpanInScope scope) {
            this.span = span;
            this.scope = scope;
        }

        @Override
        public void close() {
            if (scope != null) {
                scope.close();
            }
            if (span != null) {
                span.end();
            }
        }
    }
}
