package dev.deskflow.gateway.resilience;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.TimeoutException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IdempotentRetryTest {

	final IdempotentRetry retry = new IdempotentRetry(2);

	@Test
	void sendsAGetAgainWhileTheServiceAnswersUnavailable() {
		Service service = new Service(HttpStatus.SERVICE_UNAVAILABLE, HttpStatus.BAD_GATEWAY, HttpStatus.OK);
		MockServerWebExchange exchange = exchange(HttpMethod.GET);

		this.retry.filter(exchange, service).as(StepVerifier::create).verifyComplete();

		assertThat(service.calls).hasValue(3);
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void routesEachRetryAgainAsIfItWasTheFirstCall() {
		Service service = new Service(HttpStatus.GATEWAY_TIMEOUT, HttpStatus.OK);
		MockServerWebExchange exchange = exchange(HttpMethod.HEAD);
		GatewayFilterChain routing = (routed) -> {
			assertThat(ServerWebExchangeUtils.isAlreadyRouted(routed)).isFalse();
			ServerWebExchangeUtils.setAlreadyRouted(routed);
			return service.filter(routed);
		};

		this.retry.filter(exchange, routing).as(StepVerifier::create).verifyComplete();

		assertThat(service.calls).hasValue(2);
	}

	@Test
	void givesUpAfterItsRetriesWithTheLastAnswer() {
		Service service = new Service(HttpStatus.SERVICE_UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE,
				HttpStatus.SERVICE_UNAVAILABLE, HttpStatus.OK);
		MockServerWebExchange exchange = exchange(HttpMethod.GET);

		this.retry.filter(exchange, service).as(StepVerifier::create).verifyComplete();

		assertThat(service.calls).hasValue(3);
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
	}

	@Test
	void retriesAnUnreachableServiceAndAResponseTimeout() {
		AtomicInteger calls = new AtomicInteger();
		List<Throwable> failures = List.of(new ConnectException("refused"),
				new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "slow", new TimeoutException("slow")));
		GatewayFilterChain failing = (exchange) -> {
			int call = calls.getAndIncrement();
			return (call < failures.size()) ? Mono.error(failures.get(call)) : Mono.empty();
		};

		this.retry.filter(exchange(HttpMethod.GET), failing).as(StepVerifier::create).verifyComplete();

		assertThat(calls).hasValue(3);
	}

	@Test
	void passesOnAFailureThatNoRetryWouldMend() {
		AtomicInteger calls = new AtomicInteger();
		GatewayFilterChain failing = (exchange) -> {
			calls.incrementAndGet();
			return Mono.error(new IllegalStateException("a bug"));
		};

		this.retry.filter(exchange(HttpMethod.GET), failing)
			.as(StepVerifier::create)
			.verifyError(IllegalStateException.class);

		assertThat(calls).hasValue(1);
	}

	@Test
	void neverSendsAWriteAgain() {
		for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)) {
			Service service = new Service(HttpStatus.SERVICE_UNAVAILABLE, HttpStatus.OK);
			AtomicInteger failed = new AtomicInteger();
			GatewayFilterChain unreachable = (exchange) -> {
				failed.incrementAndGet();
				return Mono.error(new IOException("connection reset"));
			};

			this.retry.filter(exchange(method), service).as(StepVerifier::create).verifyComplete();
			this.retry.filter(exchange(method), unreachable).as(StepVerifier::create).verifyError(IOException.class);

			assertThat(service.calls).as(method.name()).hasValue(1);
			assertThat(failed).as(method.name()).hasValue(1);
		}
	}

	@Test
	void waitsLongerBeforeEachRetryUpToHalfASecond() {
		assertThat(IdempotentRetry.backoff(0)).isEqualTo(Duration.ofMillis(50));
		assertThat(IdempotentRetry.backoff(1)).isEqualTo(Duration.ofMillis(100));
		assertThat(IdempotentRetry.backoff(3)).isEqualTo(Duration.ofMillis(400));
		assertThat(IdempotentRetry.backoff(4)).isEqualTo(Duration.ofMillis(500));
		assertThat(IdempotentRetry.backoff(40)).isEqualTo(Duration.ofMillis(500));
	}

	@Test
	void refusesNoRetries() {
		assertThatIllegalArgumentException().isThrownBy(() -> new IdempotentRetry(0));
	}

	private static MockServerWebExchange exchange(HttpMethod method) {
		return MockServerWebExchange.from(MockServerHttpRequest.method(method, "/api/tickets/1"));
	}

	/**
	 * A service that answers the given statuses one call after the other.
	 */
	private static final class Service implements GatewayFilterChain {

		final AtomicInteger calls = new AtomicInteger();

		private final Deque<HttpStatus> answers;

		Service(HttpStatus... answers) {
			this.answers = new ArrayDeque<>(List.of(answers));
		}

		@Override
		public Mono<Void> filter(ServerWebExchange exchange) {
			return Mono.fromRunnable(() -> {
				this.calls.incrementAndGet();
				exchange.getResponse().setStatusCode(this.answers.poll());
			});
		}

	}

}
