package dev.deskflow.gateway.ratelimit;

import dev.deskflow.gateway.Gateway;

/**
 * What tests outside this package may ask of a running gateway's rate limiter.
 */
public final class RateLimitProbe {

	private RateLimitProbe() {
	}

	/**
	 * @param gateway a running gateway
	 * @return whether its Redis connection is open
	 */
	public static boolean sharedConnectionOpen(Gateway gateway) {
		return gateway.bean(RedisConnectionWarmUp.class).isOpen();
	}

}
