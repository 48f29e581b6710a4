package dev.deskflow.gateway.ratelimit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The buckets every gateway replica shares: one atomic Lua script per request
 * ({@code token-buckets.lua}) checks and takes from the tenant's and the user's bucket
 * together, so a refused request takes from neither.
 */
class RedisTokenBuckets implements TokenBuckets {

	/**
	 * Read once: a script built on a resource checks the resource for changes on every
	 * call, which cost more than the Redis round trip.
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static final RedisScript<List<Long>> SCRIPT = (RedisScript) RedisScript.of(script(), List.class);

	private final ReactiveStringRedisTemplate redis;

	RedisTokenBuckets(ReactiveStringRedisTemplate redis) {
		this.redis = redis;
	}

	@Override
	public Mono<Decision> take(List<TokenBucket> buckets, long cost) {
		List<String> keys = buckets.stream().map(TokenBucket::key).toList();
		List<String> args = new ArrayList<>();
		args.add(Long.toString(cost));
		for (TokenBucket bucket : buckets) {
			args.add(Long.toString(bucket.capacity()));
			args.add(Long.toString(bucket.period().toMillis()));
		}
		return this.redis.execute(SCRIPT, keys, args).next().map((result) -> decision(buckets, result));
	}

	private static String script() {
		try {
			return new ClassPathResource("dev/deskflow/gateway/ratelimit/token-buckets.lua")
				.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Decision decision(List<TokenBucket> buckets, List<Long> result) {
		List<Decision.BucketState> states = new ArrayList<>();
		for (int i = 0; i < buckets.size(); i++) {
			int at = 1 + i * 3;
			states.add(new Decision.BucketState(buckets.get(i).capacity(), result.get(at), result.get(at + 1),
					result.get(at + 2)));
		}
		return Decision.of(result.get(0) == 1L, states);
	}

}
