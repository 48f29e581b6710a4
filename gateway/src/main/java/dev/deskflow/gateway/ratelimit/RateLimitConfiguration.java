package dev.deskflow.gateway.ratelimit;

import java.time.Duration;

import dev.deskflow.gateway.GatewayProperties;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	/** How long start-up waits for Redis to accept the rate limiter's connection. */
	private static final Duration STARTUP_WAIT = Duration.ofSeconds(3);

	@Bean
	RedisConnectionWarmUp redisConnectionWarmUp(ReactiveRedisConnectionFactory connections) {
		return new RedisConnectionWarmUp(connections, STARTUP_WAIT);
	}

	@Bean
	RateLimitGatewayFilterFactory rateLimitGatewayFilterFactory(GatewayProperties properties,
			ReactiveStringRedisTemplate redis, RedisConnectionWarmUp connection, MeterRegistry meters) {
		GatewayProperties.RateLimits limits = properties.rateLimits();
		TokenBuckets buckets = new FailOpenTokenBuckets(new RedisTokenBuckets(redis), connection::isOpen,
				new LocalTokenBuckets(limits.localMaxBuckets(), System::currentTimeMillis), limits.redisTimeout(),
				meters);
		return new RateLimitGatewayFilterFactory(new RateLimitPolicy(properties), buckets);
	}

}
