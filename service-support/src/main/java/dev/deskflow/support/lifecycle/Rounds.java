package dev.deskflow.support.lifecycle;

import java.time.Duration;

import org.slf4j.Logger;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Background work repeated at a fixed interval while the service runs: one round at a
 * time (a tick that comes while a round still runs is dropped), and a failed round is
 * logged and tried again on the next tick. The SLA scheduler, the report rollup's
 * compactor, the signing key maintenance and the pruning of idempotency keys (ticket
 * service) and of applied event ids (ai-service) are rounds.
 */
public abstract class Rounds extends SubscriptionLifecycle {

	private final String what;

	private final Logger log;

	private final boolean enabled;

	private final Duration delay;

	private final Duration interval;

	/**
	 * @param what the work in words, for the log line of a failed round
	 * @param log the logger of the class doing the work
	 * @param enabled whether this instance does the work at all
	 * @param delay before the first round
	 * @param interval between rounds
	 */
	protected Rounds(String what, Logger log, boolean enabled, Duration delay, Duration interval) {
		this.what = what;
		this.log = log;
		this.enabled = enabled;
		this.delay = delay;
		this.interval = interval;
	}

	/**
	 * @return one round of the work
	 */
	protected abstract Mono<?> round();

	@Override
	protected final Disposable subscribe() {
		if (!this.enabled) {
			return null;
		}
		return Flux.interval(this.delay, this.interval)
			.onBackpressureDrop()
			.concatMap((tick) -> round().onErrorResume((ex) -> {
				this.log.warn("{} failed; retrying on the next round", this.what, ex);
				return Mono.empty();
			}), 1)
			.subscribe();
	}

}
