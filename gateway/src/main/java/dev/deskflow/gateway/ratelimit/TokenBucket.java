package dev.deskflow.gateway.ratelimit;

import java.time.Duration;

/**
 * One bucket a request takes tokens from.
 *
 * @param key the Redis key (and local key) of the bucket
 * @param capacity the largest burst
 * @param period the time an empty bucket takes to fill up
 */
record TokenBucket(String key, long capacity, Duration period) {
}
