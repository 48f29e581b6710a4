package dev.deskflow.ticket.identity;

import java.time.Duration;

import dev.deskflow.support.lifecycle.Rounds;
import dev.deskflow.ticket.TicketProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Every {@code signing-key-check-interval}: replaces the signing key once it is older
 * than {@code signing-key-max-age}, deletes retired keys no valid token can name, and
 * deletes long-expired refresh tokens. A failed round is logged and the next one tries
 * again. Instances checking at once may each add a key, which is harmless: every key is
 * published, the newest signs.
 */
@Component
class SigningKeyMaintenance extends Rounds {

	private static final Logger logger = LoggerFactory.getLogger(SigningKeyMaintenance.class);

	private final SigningKeys keys;

	private final RefreshTokens refreshTokens;

	private final Duration maxAge;

	SigningKeyMaintenance(SigningKeys keys, RefreshTokens refreshTokens, TicketProperties properties) {
		super("Signing key maintenance", logger, true, Duration.ZERO, properties.identity().signingKeyCheckInterval());
		this.keys = keys;
		this.refreshTokens = refreshTokens;
		this.maxAge = properties.identity().signingKeyMaxAge();
	}

	@Override
	protected Mono<Void> round() {
		return runOnce();
	}

	Mono<Void> runOnce() {
		return this.keys.rotateIfOlderThan(this.maxAge)
			.then(this.keys.pruneRetired())
			.then(this.refreshTokens.pruneExpired())
			.then();
	}

}
