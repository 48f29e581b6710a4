package dev.deskflow.gateway.resilience;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.TimeoutException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;

/**
 * Retries a GET or HEAD, never a write, when the service is unreachable (an
 * {@link IOException}), slower than its response timeout, or answers 502, 503 or 504: up
 * to {@code retries} times, after 50 ms, then twice as long each time (at most 500 ms).
 * The rules of Spring Cloud Gateway's {@code Retry} filter as the routes used it, built
 * once: that filter wraps every call in {@code repeatWhen} and {@code retryWhen}
 * companions and makes its route cache every request body, a large share of the gateway's
 * CPU per request ({@code docs/benchmarks.md}). Here a call that needs no retry costs a
 * check of its status.
 */
public final class IdempotentRetry implements GatewayFilter {

	private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD);

	private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);

	private static final Duration MAX_BACKOFF = Duration.ofMillis(500);

	private final int retries;

	/**
	 * @param retries how many times a call may be sent again (at least 1)
	 */
	public IdempotentRetry(int retries) {
		if (retries < 1) {
			throw new IllegalArgumentException("retries must be at least 1");
		}
		this.retries = retries;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		if (!IDEMPOTENT.contains(exchange.getRequest().getMethod())) {
			return chain.filter(exchange);
		}
		return attempt(exchange, chain, 0);
	}

	private Mono<Void> attempt(ServerWebExchange exchange, GatewayFilterChain chain, int retried) {
		Mono<Void> call = chain.filter(exchange);
		if (retried == this.retries) {
			return call;
		}
		return call.then(Mono.fromSupplier(() -> retriedStatus(exchange.getResponse().getStatusCode())))
			.onErrorResume(IdempotentRetry::retriedFailure, (failure) -> Mono.just(true))
			.flatMap((again) -> again
					? Mono.delay(backoff(retried)).then(Mono.defer(() -> retry(exchange, chain, retried + 1)))
					: Mono.empty());
	}

	private Mono<Void> retry(ServerWebExchange exchange, GatewayFilterChain chain, int retried) {
		// closes the failed answer's connection and lets the routing filter route again
		ServerWebExchangeUtils.reset(exchange);
		return attempt(exchange, chain, retried);
	}

	static Duration backoff(int retried) {
		Duration backoff = FIRST_BACKOFF.multipliedBy(1L << Math.min(retried, 10));
		return (backoff.compareTo(MAX_BACKOFF) > 0) ? MAX_BACKOFF : backoff;
	}

	/** 502, 503 or 504. */
	private static boolean retriedStatus(HttpStatusCode status) {
		return status != null && status.value() >= HttpStatus.BAD_GATEWAY.value()
				&& status.value() <= HttpStatus.GATEWAY_TIMEOUT.value();
	}

	/**
	 * The service unreachable or the connection lost, or the route's response timeout
	 * (which arrives as a 504 whose cause is the timeout).
	 */
	private static boolean retriedFailure(Throwable failure) {
		return isRetried(failure) || isRetried(failure.getCause());
	}

	private static boolean isRetried(Throwable failure) {
		return failure instanceof IOException || failure instanceof TimeoutException;
	}

}
