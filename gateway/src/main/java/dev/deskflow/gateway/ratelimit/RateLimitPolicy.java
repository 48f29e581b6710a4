package dev.deskflow.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import dev.deskflow.gateway.GatewayProperties;
import dev.deskflow.gateway.security.Caller;

import org.springframework.web.server.ServerWebExchange;

/**
 * Which buckets a request takes from: a verified caller's tenant bucket and user bucket
 * (limits by the tenant's plan), or, for an anonymous call, the bucket of its client
 * address. Keys use the tenant's slug, as decision 004 asks of Redis keys.
 */
class RateLimitPolicy {

	private final GatewayProperties.RateLimits limits;

	private final String prefix;

	RateLimitPolicy(GatewayProperties properties) {
		this.limits = properties.rateLimits();
		this.prefix = properties.redisKeyPrefix() + "rl:";
	}

	List<TokenBucket> bucketsOf(ServerWebExchange exchange) {
		return Caller.of(exchange).map(this::bucketsOf).orElseGet(() -> List.of(addressBucket(exchange)));
	}

	private List<TokenBucket> bucketsOf(Caller caller) {
		List<TokenBucket> buckets = new ArrayList<>(2);
		GatewayProperties.Plan plan = this.limits.planOf(caller.tenant());
		if (caller.tenant() != null) {
			buckets.add(bucket("tenant:" + caller.tenant(), plan.tenant()));
		}
		buckets.add(bucket("user:" + caller.tenant() + ":" + caller.user(), plan.user()));
		return buckets;
	}

	private TokenBucket addressBucket(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		String address = (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress()
				: "unknown";
		return bucket("addr:" + address, this.limits.anonymous());
	}

	private TokenBucket bucket(String name, GatewayProperties.Bucket limit) {
		return new TokenBucket(this.prefix + name, limit.capacity(), limit.period());
	}

}
