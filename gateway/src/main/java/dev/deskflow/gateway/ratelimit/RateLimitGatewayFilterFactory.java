package dev.deskflow.gateway.ratelimit;

import java.util.List;
import java.util.Map;

import dev.deskflow.common.problem.ProblemTypes;
import dev.deskflow.support.problem.ProblemException;
import jakarta.validation.constraints.Positive;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.Assert;
import org.springframework.validation.annotation.Validated;

/**
 * Token-bucket rate limiting per tenant and user (per client address when anonymous), in
 * the shape of Spring Cloud Gateway's {@code RequestRateLimiter} but answering 429
 * problem+json with {@code Retry-After}, and {@code RateLimit-Limit},
 * {@code RateLimit-Remaining}, {@code RateLimit-Reset} on every response (decision 005).
 */
public class RateLimitGatewayFilterFactory extends AbstractGatewayFilterFactory<RateLimitGatewayFilterFactory.Config> {

	static final String LIMIT = "RateLimit-Limit";

	static final String REMAINING = "RateLimit-Remaining";

	static final String RESET = "RateLimit-Reset";

	private final RateLimitPolicy policy;

	private final TokenBuckets buckets;

	RateLimitGatewayFilterFactory(RateLimitPolicy policy, TokenBuckets buckets) {
		super(Config.class);
		this.policy = policy;
		this.buckets = buckets;
	}

	@Override
	public List<String> shortcutFieldOrder() {
		return List.of("cost");
	}

	@Override
	public GatewayFilter apply(Config config) {
		Assert.isTrue(config.getCost() > 0, "cost must be positive");
		long cost = config.getCost();
		return (exchange, chain) -> this.buckets.take(this.policy.bucketsOf(exchange), cost).flatMap((decision) -> {
			HttpHeaders headers = exchange.getResponse().getHeaders();
			headers.set(LIMIT, Long.toString(decision.limit()));
			headers.set(REMAINING, Long.toString(decision.remaining()));
			headers.set(RESET, Long.toString(decision.resetSeconds()));
			if (decision.allowed()) {
				return chain.filter(exchange);
			}
			return Mono.error(tooMany(decision));
		});
	}

	private static ProblemException tooMany(Decision decision) {
		return new ProblemException(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.RATE_LIMITED, "Too many requests",
				"The rate limit of "
						+ decision.limit() + " requests is used up; retry in " + decision.retryAfterSeconds() + " s.",
				List.of(),
				Map.of(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()), LIMIT,
						Long.toString(decision.limit()), REMAINING, "0", RESET,
						Long.toString(decision.resetSeconds())));
	}

	@Validated
	public static class Config {

		/** Tokens one call costs: raise it for expensive routes. */
		@Positive
		private long cost = 1;

		public long getCost() {
			return this.cost;
		}

		public Config setCost(long cost) {
			this.cost = cost;
			return this;
		}

	}

}
