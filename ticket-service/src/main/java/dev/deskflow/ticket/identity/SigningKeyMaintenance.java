package dev.deskflow.ticket.identity;

import java.time.Duration;

import dev.deskflow.ticket.TicketProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every {@code signing-key-check-interval}: replaces the signing key once it is older
 * than {@code signing-key-max-age}, deletes retired keys no valid token can name, and
 * deletes long-expired refresh tokens. A failed round is logged and the next one tries
 * again. Instances checking at once may each add a key, which is harmless: every key is
 * published, the newest signs.
 */
@Component
class SigningKeyMaintenance implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(SigningKeyMaintenance.class);

	private final SigningKeys keys;

	private final RefreshTokens refreshTokens;

	private final Duration interval;

	private final Duration maxAge;

	private volatile Disposable running;

	SigningKeyMaintenance(SigningKeys keys, RefreshTokens refreshTokens, TicketProperties properties) {
		this.keys = keys;
		this.refreshTokens = refreshTokens;
		this.interval = properties.identity().signingKeyCheckInterval();
		this.maxAge = properties.identity().signingKeyMaxAge();
	}

	Mono<Void> runOnce() {
		return this.keys.rotateIfOlderThan(this.maxAge)
			.then(this.keys.pruneRetired())
			.then(this.refreshTokens.pruneExpired())
			.then();
	}

	@Override
	public void start() {
		this.running = Flux.interval(Duration.ZERO, this.interval)
			.concatMap((tick) -> runOnce()
				.onErrorResume((ex) -> Mono.fromRunnable(() -> logger.warn("Signing key maintenance failed", ex))))
			.subscribe();
	}

	@Override
	public void stop() {
		Disposable current = this.running;
		if (current != null) {
			current.dispose();
		}
		this.running = null;
	}

	@Override
	public boolean isRunning() {
		return this.running != null;
	}

}
