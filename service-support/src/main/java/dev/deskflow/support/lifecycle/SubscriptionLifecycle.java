package dev.deskflow.support.lifecycle;

import reactor.core.Disposable;

import org.springframework.context.SmartLifecycle;

/**
 * Work that runs as one subscription while the application runs: subscribed on start,
 * disposed on stop, running while it is neither disposed nor finished. The outbox relay,
 * the presence listener and every {@link Rounds} are such work.
 */
public abstract class SubscriptionLifecycle implements SmartLifecycle {

	private volatile Disposable running;

	/**
	 * Starts the work.
	 * @return its subscription, or {@code null} when this instance has nothing to do
	 */
	protected abstract Disposable subscribe();

	@Override
	public final void start() {
		this.running = subscribe();
	}

	@Override
	public final void stop() {
		Disposable current = this.running;
		if (current != null) {
			current.dispose();
		}
		this.running = null;
	}

	@Override
	public final boolean isRunning() {
		Disposable current = this.running;
		return current != null && !current.isDisposed();
	}

}
