package dev.deskflow.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Every setting of the gateway ({@code deskflow.gateway.*}); each has a local default and
 * an environment override in {@code application.yml}.
 *
 * @param redisKeyPrefix prefix of every Redis key the gateway writes
 * @param services where the services behind the gateway listen
 * @param jwt how access tokens are validated
 * @param rateLimits the token buckets per tenant, user and client address
 * @param resilience timeouts, circuit breakers, bulkheads and retries per service
 * @param cors which browser origins may call the API
 * @param edge request limits and security headers
 * @param web where the built SPA is served from
 */
@Validated
@ConfigurationProperties("deskflow.gateway")
public record GatewayProperties(@NotBlank @Pattern(regexp = "[a-z0-9:-]+:") String redisKeyPrefix,
		@NotNull @Valid Services services, @NotNull @Valid Jwt jwt, @NotNull @Valid RateLimits rateLimits,
		@NotNull @Valid Resilience resilience, @NotNull @Valid Cors cors, @NotNull @Valid Edge edge,
		@NotNull @Valid Web web) {

	/**
	 * @param ticket base URI of ticket-service
	 * @param ai base URI of ai-service
	 * @param realtime base URI of realtime-service (HTTP; WebSocket upgrades use the same
	 * host)
	 */
	public record Services(@NotNull URI ticket, @NotNull URI ai, @NotNull URI realtime) {
	}

	/**
	 * Decision 004: RS256 tokens issued by ticket-service (or an external OIDC issuer).
	 *
	 * @param jwksUri where the public keys are published
	 * @param issuer the expected {@code iss}
	 * @param audience the {@code aud} every token must contain
	 * @param jwksTimeout how long a fetch of the key set may take
	 */
	public record Jwt(@NotNull URI jwksUri, @NotBlank String issuer, @NotBlank String audience,
			@NotNull @DurationMin(millis = 1) Duration jwksTimeout) {
	}

	/**
	 * Token buckets in Redis, shared by every gateway replica (decision 005).
	 *
	 * @param anonymous the bucket of each client address on public paths (login, sign-up,
	 * public KB)
	 * @param defaultPlan the plan of a tenant not listed in {@code tenantPlans}
	 * @param plans the limits of each plan by name
	 * @param tenantPlans the plan of a tenant, by tenant slug (none: every tenant is on
	 * the default plan)
	 * @param redisTimeout how long a decision may wait for Redis before the local limiter
	 * decides instead
	 * @param localMaxBuckets how many buckets the local fallback limiter keeps per
	 * instance
	 */
	public record RateLimits(@NotNull @Valid Bucket anonymous, @NotBlank String defaultPlan,
			@NotEmpty Map<String, @Valid Plan> plans, Map<String, String> tenantPlans,
			@NotNull @DurationMin(millis = 1) Duration redisTimeout, @Positive int localMaxBuckets) {

		public RateLimits {
			tenantPlans = (tenantPlans != null) ? Map.copyOf(tenantPlans) : Map.of();
		}

		@AssertTrue(message = "default-plan and every tenant-plans value must name one of plans")
		public boolean isEveryPlanKnown() {
			return this.plans != null && this.plans.containsKey(this.defaultPlan)
					&& this.plans.keySet().containsAll(this.tenantPlans.values());
		}

		/**
		 * @param tenant a tenant's slug
		 * @return the plan the tenant is on
		 */
		public Plan planOf(String tenant) {
			return this.plans.get(this.tenantPlans.getOrDefault(tenant, this.defaultPlan));
		}

	}

	/**
	 * @param tenant the bucket all users of one tenant share
	 * @param user the bucket of each user
	 */
	public record Plan(@NotNull @Valid Bucket tenant, @NotNull @Valid Bucket user) {
	}

	/**
	 * A token bucket that holds {@code capacity} requests and refills completely over
	 * {@code period}: a burst of {@code capacity}, then {@code capacity / period} on
	 * average.
	 *
	 * @param capacity the largest burst
	 * @param period the time an empty bucket takes to fill up
	 */
	public record Bucket(@Positive long capacity, @NotNull @DurationMin(millis = 1) Duration period) {
	}

	/**
	 * @param connectTimeout how long opening a connection to a service may take
	 * @param responseTimeouts how long each service may take to start its answer
	 * @param breaker the circuit breaker of each service
	 * @param maxConcurrentCalls the bulkhead: calls in flight to one service per gateway
	 * instance
	 * @param getRetries how often a failed GET or HEAD is retried (never other methods)
	 */
	public record Resilience(@NotNull @DurationMin(millis = 1) Duration connectTimeout,
			@NotNull @Valid ResponseTimeouts responseTimeouts, @NotNull @Valid Breaker breaker,
			@Positive int maxConcurrentCalls, @Min(0) @Max(5) int getRetries) {
	}

	/**
	 * @param ticket ticket-service
	 * @param ai ai-service (recommendations may take longer)
	 * @param realtime realtime-service (HTTP calls; WebSocket sessions are not limited)
	 */
	public record ResponseTimeouts(@NotNull @DurationMin(millis = 1) Duration ticket,
			@NotNull @DurationMin(millis = 1) Duration ai, @NotNull @DurationMin(millis = 1) Duration realtime) {
	}

	/**
	 * @param failureRateThreshold percentage of failed calls that opens the breaker
	 * @param slidingWindowSize how many recent calls the rate is computed over
	 * @param minimumNumberOfCalls how many calls the breaker needs before it may open
	 * @param waitInOpenState how long an open breaker refuses calls before it tries again
	 * @param permittedCallsInHalfOpenState trial calls that decide whether it closes
	 */
	public record Breaker(@DecimalMin("1") @DecimalMax("100") float failureRateThreshold,
			@Positive int slidingWindowSize, @Positive int minimumNumberOfCalls,
			@NotNull @DurationMin(millis = 1) Duration waitInOpenState, @Positive int permittedCallsInHalfOpenState) {
	}

	/**
	 * @param allowedOrigins the SPA's origins, for example
	 * {@code https://desk.example.com}
	 * @param maxAge how long a browser may cache a preflight answer
	 */
	public record Cors(@NotNull List<@NotBlank String> allowedOrigins, @NotNull Duration maxAge) {
	}

	/**
	 * @param maxBodySize the largest request body the gateway forwards (413 beyond)
	 * @param maxImportSize the largest CSV import ({@code /api/admin/imports})
	 * @param contentSecurityPolicy the CSP sent with every response (the SPA is served
	 * through the same origin)
	 * @param hstsMaxAge how long browsers must keep to HTTPS
	 */
	public record Edge(@NotNull DataSize maxBodySize, @NotNull DataSize maxImportSize,
			@NotBlank String contentSecurityPolicy, @NotNull Duration hstsMaxAge) {
	}

	/**
	 * The SPA (module {@code web}) is served by the gateway from the same origin as the
	 * API, so the browser needs no CORS and the CSP can stay {@code 'self'}.
	 *
	 * @param directory the built SPA ({@code web/dist}); blank: the gateway serves no
	 * pages
	 */
	public record Web(String directory) {

		/**
		 * @return whether a directory is configured
		 */
		public boolean enabled() {
			return this.directory != null && !this.directory.isBlank();
		}

	}

}
