package dev.deskflow.gateway.ratelimit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import reactor.core.publisher.Mono;

/**
 * The same token buckets in this instance's memory: what decides while Redis cannot
 * (decision 005). Each replica then enforces the full limits on its own, so the platform
 * as a whole admits up to replicas × limit until Redis is back.
 */
class LocalTokenBuckets implements TokenBuckets {

	private final Map<String, State> states = new ConcurrentHashMap<>();

	private final int maxBuckets;

	private final LongSupplier clock;

	LocalTokenBuckets(int maxBuckets, LongSupplier clockMillis) {
		this.maxBuckets = maxBuckets;
		this.clock = clockMillis;
	}

	@Override
	public Mono<Decision> take(List<TokenBucket> buckets, long cost) {
		return Mono.fromSupplier(() -> takeNow(buckets, cost));
	}

	// one lock for the whole check-and-take across several buckets; a fallback path, not
	// the hot one
	synchronized Decision takeNow(List<TokenBucket> buckets, long cost) {
		long now = this.clock.getAsLong();
		if (this.states.size() >= this.maxBuckets) {
			forgetFullBuckets(now);
		}
		List<Double> left = new ArrayList<>();
		boolean allowed = true;
		for (TokenBucket bucket : buckets) {
			State state = this.states.get(bucket.key());
			double tokens = (state != null) ? state.tokensAt(now, bucket) : bucket.capacity();
			left.add(tokens);
			allowed &= tokens >= cost;
		}
		List<Decision.BucketState> result = new ArrayList<>();
		for (int i = 0; i < buckets.size(); i++) {
			TokenBucket bucket = buckets.get(i);
			double tokens = left.get(i);
			long wait = 0;
			if (allowed) {
				tokens -= cost;
				this.states.put(bucket.key(), new State(tokens, now, bucket));
			}
			else if (tokens < cost) {
				wait = (long) Math.ceil((cost - tokens) * perToken(bucket));
			}
			result.add(new Decision.BucketState(bucket.capacity(), (long) Math.floor(tokens), wait,
					(long) Math.ceil((bucket.capacity() - tokens) * perToken(bucket))));
		}
		return Decision.of(allowed, result);
	}

	private void forgetFullBuckets(long now) {
		this.states.values().removeIf((state) -> state.tokensAt(now, state.bucket()) >= state.bucket().capacity());
		if (this.states.size() >= this.maxBuckets) {
			this.states.clear(); // memory stays bounded, at the price of fresh buckets
									// for all
		}
	}

	private static double perToken(TokenBucket bucket) {
		return (double) bucket.period().toMillis() / bucket.capacity();
	}

	int size() {
		return this.states.size();
	}

	private record State(double tokens, long at, TokenBucket bucket) {

		double tokensAt(long now, TokenBucket limits) {
			return Math.min(limits.capacity(), this.tokens + Math.max(0, now - this.at) / perToken(limits));
		}

	}

}
