package dev.deskflow.gateway.edge;

import dev.deskflow.gateway.security.Caller;
import dev.deskflow.support.problem.ProblemWebExceptionHandler;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * One line per request on the logger {@code dev.deskflow.gateway.access}: method, path
 * (without the query, which may carry a WebSocket ticket), status, duration, tenant, user
 * and request id, as SLF4J key-value pairs (JSON members with the {@code json-logs}
 * profile) and readable in the message. Never a header, so never the token.
 * <p>
 * Failures are rendered here, by the problem handler, rather than after the filter chain:
 * the line must carry the status the client gets.
 * <p>
 * The gateway propagates the Reactor context to thread locals only where asked
 * ({@code context-propagation: limited}, far cheaper per operator than {@code auto}), so
 * the line restores the request's observation from the Reactor context itself: its
 * {@code traceId} and {@code spanId} are in the MDC while it is written.
 */
@Component
class AccessLogWebFilter implements WebFilter, Ordered {

	private static final Logger log = LoggerFactory.getLogger("dev.deskflow.gateway.access");

	private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

	private final ProblemWebExceptionHandler problems;

	AccessLogWebFilter(ProblemWebExceptionHandler problems) {
		this.problems = problems;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1; // inside RequestIdWebFilter
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long start = System.nanoTime();
		return chain.filter(exchange)
			.onErrorResume((failure) -> this.problems.handle(exchange, failure))
			.transformDeferredContextual((call, context) -> call.doFinally((signal) -> {
				if (log.isInfoEnabled()) {
					try (ContextSnapshot.Scope trace = SNAPSHOTS.setThreadLocalsFrom(context,
							ObservationThreadLocalAccessor.KEY)) {
						log(exchange, (System.nanoTime() - start) / 1_000_000);
					}
				}
			}));
	}

	private void log(ServerWebExchange exchange, long millis) {
		HttpStatusCode code = exchange.getResponse().getStatusCode();
		int status = (code != null) ? code.value() : 200;
		Caller caller = Caller.of(exchange).orElse(null);
		String tenant = (caller != null) ? caller.tenant() : null;
		String user = (caller != null) ? caller.user() : null;
		String method = exchange.getRequest().getMethod().name();
		String path = exchange.getRequest().getPath().value();
		String requestId = exchange.getRequest().getId();
		LoggingEventBuilder line = log.atInfo()
			.addKeyValue("method", method)
			.addKeyValue("path", path)
			.addKeyValue("status", status)
			.addKeyValue("durationMs", millis)
			.addKeyValue("tenant", tenant)
			.addKeyValue("user", user)
			.addKeyValue("requestId", requestId);
		line.log("{} {} status={} durationMs={} tenant={} user={} requestId={}", method, path, status, millis, tenant,
				user, requestId);
	}

}
