package dev.deskflow.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Decision 005: Redis decides; when it fails or does not answer within the timeout, this
 * instance's local buckets decide instead. A Redis outage therefore never fails a request
 * and never lifts the limits, it only loosens them to one budget per replica. The switch
 * is logged once each way and counted in {@code deskflow.gateway.ratelimit.fallbacks}. A
 * request always gets its decision within the timeout, whatever the Redis call does.
 */
class FailOpenTokenBuckets implements TokenBuckets {

	private static final Logger log = LoggerFactory.getLogger(FailOpenTokenBuckets.class);

	private static final Throwable NOT_CONNECTED = new IllegalStateException("the Redis connection is not open yet");

	private final TokenBuckets shared;

	private final TokenBuckets local;

	private final Duration timeout;

	private final AtomicBoolean degraded = new AtomicBoolean();

	private final Counter fallbacks;

	/** Registered once: looking a counter up by its tags on every call costs more. */
	private final Counter redisAllowed;

	private final Counter redisLimited;

	private final Counter localAllowed;

	private final Counter localLimited;

	/** How long Redis took to decide, when it did. */
	private final Timer redisTime;

	private final BooleanSupplier sharedUsable;

	FailOpenTokenBuckets(TokenBuckets shared, BooleanSupplier sharedUsable, TokenBuckets local, Duration timeout,
			MeterRegistry meters) {
		this.shared = shared;
		this.sharedUsable = sharedUsable;
		this.local = local;
		this.timeout = timeout;
		this.fallbacks = Counter.builder("deskflow.gateway.ratelimit.fallbacks")
			.description("Rate-limit decisions taken by the local limiter because Redis failed")
			.register(meters);
		this.redisAllowed = decisions(meters, "redis", "allowed");
		this.redisLimited = decisions(meters, "redis", "limited");
		this.localAllowed = decisions(meters, "local", "allowed");
		this.localLimited = decisions(meters, "local", "limited");
		this.redisTime = Timer.builder("deskflow.gateway.ratelimit.redis")
			.description("Time of the rate limiter's Redis script calls that decided")
			.publishPercentileHistogram()
			.register(meters);
	}

	private static Counter decisions(MeterRegistry meters, String store, String outcome) {
		return meters.counter("deskflow.gateway.ratelimit.decisions", "store", store, "outcome", outcome);
	}

	@Override
	public Mono<Decision> take(List<TokenBucket> buckets, long cost) {
		if (!this.sharedUsable.getAsBoolean()) {
			// not connected yet: calling Redis would open the connection on this thread
			return locally(buckets, cost, NOT_CONNECTED);
		}
		long started = System.nanoTime();
		return withinTimeout(this.shared.take(buckets, cost)).doOnNext((decision) -> {
			this.redisTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
			recovered();
		})
			.map((decision) -> counted(decision, this.redisAllowed, this.redisLimited))
			.onErrorResume((failure) -> locally(buckets, cost, failure));
	}

	private Mono<Decision> locally(List<TokenBucket> buckets, long cost, Throwable failure) {
		degrade(failure);
		this.fallbacks.increment();
		return this.local.take(buckets, cost)
			.map((decision) -> counted(decision, this.localAllowed, this.localLimited));
	}

	/**
	 * The shared decision, or a {@link TimeoutException} once {@code timeout} has passed.
	 * The timeout is signalled first and the Redis call cancelled afterwards. Reactor's
	 * {@code timeout} does it the other way round, and under load some requests then
	 * never got any signal at all, neither the decision nor the timeout (issue 5):
	 * cancelling the script's subscription in Spring Data Redis and Lettuce must not be
	 * what the answer waits for.
	 */
	private Mono<Decision> withinTimeout(Mono<Decision> decision) {
		return Mono.create((sink) -> {
			Disposable.Composite resources = Disposables.composite();
			sink.onDispose(resources);
			resources
				.add(decision.contextWrite(sink.contextView()).subscribe(sink::success, sink::error, sink::success));
			// from the call's subscription on, like Reactor's timeout: the first call
			// connects to Redis while subscribing
			resources.add(Schedulers.parallel()
				.schedule(() -> sink.error(new TimeoutException("Redis did not answer within " + this.timeout)),
						this.timeout.toNanos(), TimeUnit.NANOSECONDS));
		});
	}

	private static Decision counted(Decision decision, Counter allowed, Counter limited) {
		(decision.allowed() ? allowed : limited).increment();
		return decision;
	}

	private void degrade(Throwable failure) {
		if (this.degraded.compareAndSet(false, true)) {
			log.warn("Redis rate limiting failed ({}); this instance limits on its own until Redis answers again",
					failure.toString());
		}
	}

	private void recovered() {
		if (this.degraded.compareAndSet(true, false)) {
			log.info("Redis rate limiting answers again; limits are shared across replicas once more");
		}
	}

}
