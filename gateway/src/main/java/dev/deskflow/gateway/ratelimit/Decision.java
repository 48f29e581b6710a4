package dev.deskflow.gateway.ratelimit;

import java.util.List;

/**
 * What the buckets said about one request, reported for the bucket that binds: when the
 * request is refused, the one that makes the client wait longest; otherwise the one with
 * the fewest tokens left.
 *
 * @param allowed whether the request may pass
 * @param limit the binding bucket's capacity
 * @param remaining tokens left in it
 * @param retryAfterMillis how long until the request would pass (0 when allowed)
 * @param resetMillis how long until the bucket is full again
 */
record Decision(boolean allowed, long limit, long remaining, long retryAfterMillis, long resetMillis) {

	/**
	 * One bucket's state after the decision.
	 */
	record BucketState(long capacity, long remaining, long waitMillis, long resetMillis) {
	}

	static Decision of(boolean allowed, List<BucketState> states) {
		BucketState binding = states.get(0);
		for (BucketState state : states) {
			boolean binds = allowed ? fewerLeft(state, binding) : state.waitMillis() > binding.waitMillis();
			if (binds) {
				binding = state;
			}
		}
		return new Decision(allowed, binding.capacity(), Math.max(0, binding.remaining()),
				allowed ? 0 : binding.waitMillis(), binding.resetMillis());
	}

	private static boolean fewerLeft(BucketState state, BucketState than) {
		return state.remaining() < than.remaining()
				|| (state.remaining() == than.remaining() && state.capacity() < than.capacity());
	}

	long retryAfterSeconds() {
		return Math.max(1, ceilSeconds(this.retryAfterMillis));
	}

	long resetSeconds() {
		return ceilSeconds(this.resetMillis);
	}

	private static long ceilSeconds(long millis) {
		return (millis + 999) / 1000;
	}

}
