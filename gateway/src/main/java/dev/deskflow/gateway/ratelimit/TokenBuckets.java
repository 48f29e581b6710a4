package dev.deskflow.gateway.ratelimit;

import java.util.List;

import reactor.core.publisher.Mono;

/**
 * Where token buckets live.
 */
interface TokenBuckets {

	/**
	 * Takes {@code cost} tokens from every bucket, or from none when one of them has too
	 * few.
	 * @param buckets the buckets of the request, at least one
	 * @param cost tokens the request costs
	 * @return the decision
	 */
	Mono<Decision> take(List<TokenBucket> buckets, long cost);

}
