package dev.deskflow.gateway.resilience;

import java.time.Duration;
import java.util.function.Predicate;

import dev.deskflow.gateway.GatewayProperties;
import dev.deskflow.support.problem.ProblemException;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4jBulkheadProvider;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4jBulkheadConfigurationBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBufferLimitException;

/**
 * One circuit breaker and one bulkhead per service ({@link ServiceRoutes}), configured
 * from {@code deskflow.gateway.resilience}.
 */
@Configuration(proxyBeanMethods = false)
class ResilienceConfiguration {

	@Bean
	Customizer<ReactiveResilience4JCircuitBreakerFactory> serviceCircuitBreakers(GatewayProperties properties) {
		GatewayProperties.Resilience resilience = properties.resilience();
		GatewayProperties.Breaker breaker = resilience.breaker();
		CircuitBreakerConfig circuitBreaker = CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(breaker.slidingWindowSize())
			.minimumNumberOfCalls(breaker.minimumNumberOfCalls())
			.failureRateThreshold(breaker.failureRateThreshold())
			.waitDurationInOpenState(breaker.waitInOpenState())
			.permittedNumberOfCallsInHalfOpenState(breaker.permittedCallsInHalfOpenState())
			.recordException(Predicate.not(ResilienceConfiguration::clientsFault))
			.build();
		// Named configurations in the registries: the factory prefers them to its own
		// defaults, and resilience4j's Spring Boot support always defines a "default" one
		// that would otherwise win.
		return (factory) -> ServiceRoutes.ALL.forEach((service) -> {
			factory.getCircuitBreakerRegistry().addConfiguration(service, circuitBreaker);
			// created now, so that whoever asks the registry first gets this
			// configuration
			factory.getCircuitBreakerRegistry().circuitBreaker(service, service);
			factory.getTimeLimiterRegistry()
				.addConfiguration(service, TimeLimiterConfig.custom()
					// the route's response timeout answers first (504); this only
					// bounds a call together with its retries
					.timeoutDuration(
							upperBound(ServiceRoutes.responseTimeout(properties, service), resilience.getRetries()))
					.build());
		});
	}

	@Bean
	Customizer<ReactiveResilience4jBulkheadProvider> serviceBulkheads(GatewayProperties properties) {
		BulkheadConfig bulkhead = BulkheadConfig.custom()
			.maxConcurrentCalls(properties.resilience().maxConcurrentCalls())
			// a full bulkhead answers 503 at once rather than queueing callers
			.maxWaitDuration(Duration.ZERO)
			.build();
		return (provider) -> provider
			.configureDefault((id) -> new Resilience4jBulkheadConfigurationBuilder().bulkheadConfig(bulkhead).build());
	}

	private static Duration upperBound(Duration responseTimeout, int retries) {
		return responseTimeout.multipliedBy(retries + 1L).plusSeconds(1);
	}

	/**
	 * A body over the limit or a problem raised by a filter says nothing about the
	 * service's health.
	 */
	static boolean clientsFault(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataBufferLimitException || cause instanceof ProblemException) {
				return true;
			}
		}
		return false;
	}

}
