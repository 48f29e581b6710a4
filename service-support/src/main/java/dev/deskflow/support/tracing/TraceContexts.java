package dev.deskflow.support.tracing;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import reactor.core.publisher.Mono;

/**
 * Carries a trace across a hop that HTTP and Kafka instrumentation cannot see: a
 * request's trace context is written down with the event it caused (the outbox row), and
 * the work that later handles the event (publishing it, fanning it out) runs in a span
 * that is a child of it. The context travels as a W3C {@code traceparent} value.
 */
public class TraceContexts {

	/** The W3C trace context header. */
	public static final String TRACEPARENT = "traceparent";

	private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

	private final Tracer tracer;

	private final Propagator propagator;

	/**
	 * @param tracer the tracer ({@link Tracer#NOOP} when tracing is off)
	 * @param propagator the propagator ({@link Propagator#NOOP} when tracing is off)
	 */
	public TraceContexts(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/**
	 * The trace context of the reactive chain this is subscribed in (a WebFlux request's
	 * observation lives in the Reactor context).
	 * @return its {@code traceparent}, empty when there is no current span
	 */
	public Mono<String> current() {
		return Mono.deferContextual((context) -> {
			try (ContextSnapshot.Scope scope = SNAPSHOTS.setThreadLocalsFrom(context,
					ObservationThreadLocalAccessor.KEY)) {
				return Mono.justOrEmpty(currentOnThisThread());
			}
		});
	}

	/**
	 * @return the {@code traceparent} of the span current on this thread, or {@code null}
	 */
	public String currentOnThisThread() {
		Span span = this.tracer.currentSpan();
		if (span == null) {
			return null;
		}
		Map<String, String> carrier = new HashMap<>();
		this.propagator.inject(span.context(), carrier, Map::put);
		return carrier.get(TRACEPARENT);
	}

	/**
	 * Runs work in a new span whose parent is the given context, so what the work does (a
	 * Kafka send, a log line) belongs to the trace that caused it.
	 * @param <T> the work's result
	 * @param traceparent the parent's {@code traceparent}, or {@code null} to run the
	 * work as it is
	 * @param name the span's name
	 * @param kind the span's kind
	 * @param work the work
	 * @return the work's result
	 */
	public <T> T childOf(String traceparent, String name, Span.Kind kind, Supplier<T> work) {
		if (traceparent == null) {
			return work.get();
		}
		Span span = this.propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get).name(name).kind(kind).start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			return work.get();
		}
		finally {
			span.end();
		}
	}

}
