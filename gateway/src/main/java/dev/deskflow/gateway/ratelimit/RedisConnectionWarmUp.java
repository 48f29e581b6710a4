package dev.deskflow.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

/**
 * Opens Spring Data Redis's shared Lettuce connection off the event loops. That
 * connection is opened by its first use, and opening it blocks the thread that uses it (a
 * known limit of {@code LettuceConnectionFactory}): as the rate limiter's first call,
 * that would be a Netty event loop, stalled for as long as Redis takes to accept and
 * answer the handshake, and again on every call while Redis is unreachable, because a
 * connection that failed to open is tried again by the next use.
 * <p>
 * So the connection is opened here, on a worker thread, retried with backoff until it is
 * open; until then the rate limiter does not call Redis and its local buckets decide
 * (decision 005). Once open, Lettuce reconnects it by itself after an outage, without
 * blocking. Start-up waits a moment for the first attempt, so a gateway next to a healthy
 * Redis shares its limits from the first request.
 */
class RedisConnectionWarmUp implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RedisConnectionWarmUp.class);

	private final ReactiveRedisConnectionFactory connections;

	private final Duration startupWait;

	private volatile boolean open;

	private volatile boolean running;

	private volatile Disposable opening;

	/**
	 * @param connections the factory whose shared connection the rate limiter uses
	 * @param startupWait how long start-up waits for the connection to open
	 */
	RedisConnectionWarmUp(ReactiveRedisConnectionFactory connections, Duration startupWait) {
		this.connections = connections;
		this.startupWait = startupWait;
	}

	/**
	 * @return whether the shared connection is open, so that using it cannot block
	 */
	boolean isOpen() {
		return this.open;
	}

	@Override
	public void start() {
		this.running = true;
		CountDownLatch firstAttempt = new CountDownLatch(1);
		this.opening = Mono.fromRunnable(() -> this.connections.getReactiveConnection().close())
			.subscribeOn(Schedulers.boundedElastic())
			.doOnError((failure) -> {
				firstAttempt.countDown();
				log.debug("Redis connection not open yet: {}", failure.toString());
			})
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(10)))
			.subscribe(null, (failure) -> log.warn("Gave up opening the Redis connection", failure), () -> {
				this.open = true;
				firstAttempt.countDown();
				log.info("Redis connection open: rate limits are shared across replicas");
			});
		try {
			if (!firstAttempt.await(this.startupWait.toNanos(), TimeUnit.NANOSECONDS)) {
				log.warn("Redis did not accept a connection within {}; limiting locally until it does",
						this.startupWait);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void stop() {
		Disposable current = this.opening;
		if (current != null) {
			current.dispose();
		}
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
