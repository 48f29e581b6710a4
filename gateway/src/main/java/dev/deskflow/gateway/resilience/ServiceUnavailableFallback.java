package dev.deskflow.gateway.resilience;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import dev.deskflow.common.problem.ProblemTypes;
import dev.deskflow.gateway.GatewayProperties;
import dev.deskflow.support.problem.ProblemException;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;

/**
 * Where a service's circuit breaker forwards a failed call: 503 problem+json (504 for a
 * timeout) at once, with {@code Retry-After}. Only the breakers' internal forward reaches
 * it; security refuses {@code /fallback/**} from outside.
 */
@Configuration(proxyBeanMethods = false)
class ServiceUnavailableFallback {

	private static final Logger log = LoggerFactory.getLogger(ServiceUnavailableFallback.class);

	/** At most one warning per service failure this often; the rest are counted in it. */
	private static final long WARN_EVERY_NANOS = 5_000_000_000L;

	private static final AtomicLong nextWarning = new AtomicLong(System.nanoTime());

	private static final AtomicLong unreported = new AtomicLong();

	@Bean
	RouterFunction<ServerResponse> serviceFallbacks(GatewayProperties properties) {
		long openSeconds = Math.max(1, properties.resilience().breaker().waitInOpenState().toSeconds());
		return RouterFunctions.route(RequestPredicates.path("/fallback/{service}"),
				(request) -> Mono.error(problem(request, openSeconds)));
	}

	private static Throwable problem(ServerRequest request, long openSeconds) {
		Throwable failure = request.exchange()
			.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
		String service = request.pathVariable("service");
		if (failure != null && ResilienceConfiguration.clientsFault(failure)) {
			return failure; // answered as what it is (413, 429...), not as an outage
		}
		if (failure instanceof CallNotPermittedException) {
			return unavailable(HttpStatus.SERVICE_UNAVAILABLE,
					service + " is unavailable at the moment; the gateway stopped calling it for a while.",
					openSeconds);
		}
		if (failure instanceof BulkheadFullException) {
			return unavailable(HttpStatus.SERVICE_UNAVAILABLE, service + " is handling as many calls as it can.", 1);
		}
		warn(service, failure);
		if (timedOut(failure)) {
			return unavailable(HttpStatus.GATEWAY_TIMEOUT, service + " did not answer in time.", 1);
		}
		return unavailable(HttpStatus.SERVICE_UNAVAILABLE, service + " could not be reached.", 1);
	}

	/**
	 * Says why a call failed (what opens a breaker): at WARN, at most once every five
	 * seconds, with the number of failures since the last warning; each at DEBUG.
	 */
	private static void warn(String service, Throwable failure) {
		long failures = unreported.incrementAndGet();
		long due = nextWarning.get();
		long now = System.nanoTime();
		if (now - due >= 0 && nextWarning.compareAndSet(due, now + WARN_EVERY_NANOS)) {
			unreported.addAndGet(-failures);
			log.warn("Call to {} failed: {} (failed calls to services since the previous such warning: {})", service,
					String.valueOf(failure), failures);
		}
		log.debug("Call to {} failed", service, failure);
	}

	private static ProblemException unavailable(HttpStatus status, String detail, long retryAfterSeconds) {
		return new ProblemException(status, ProblemTypes.SERVICE_UNAVAILABLE, "Service unavailable", detail, List.of(),
				Map.of(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds)));
	}

	private static boolean timedOut(Throwable failure) {
		// the route's response timeout arrives as a 504 ResponseStatusException
		return (failure instanceof ResponseStatusException status
				&& status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value())
				|| causedBy(failure, TimeoutException.class);
	}

	private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

}
