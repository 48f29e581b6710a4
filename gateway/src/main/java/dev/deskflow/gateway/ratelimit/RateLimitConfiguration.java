package dev.deskflow.gateway.ratelimit;

import dev.deskflow.gateway.GatewayProperties;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	@Bean
	RateLimitGatewayFilterFactory rateLimitGatewayFilterFactory(GatewayProperties properties,
			ReactiveStringRedisTemplate redis, MeterRegistry meters) {
		GatewayProperties.RateLimits limits = properties.rateLimits();
		TokenBuckets buckets = new FailOpenTokenBuckets(new RedisTokenBuckets(redis),
				new LocalTokenBuckets(limits.localMaxBuckets(), System::currentTimeMillis), limits.redisTimeout(),
				meters);
		return new RateLimitGatewayFilterFactory(new RateLimitPolicy(properties), buckets);
	}

}
