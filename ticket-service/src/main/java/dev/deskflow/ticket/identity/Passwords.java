package dev.deskflow.ticket.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import dev.deskflow.ticket.TicketProperties;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes and checks passwords with bcrypt, off the event loop (a hash takes tens of
 * milliseconds by design).
 * <p>
 * bcrypt reads at most 72 bytes and Spring Security refuses longer input, while the
 * policy allows 200 characters: a password longer than 72 bytes is hashed as the Base64
 * of its SHA-256 instead (44 bytes), which keeps all of its entropy. Shorter passwords
 * are hashed as they are, so hashes written by the demo seeder verify unchanged.
 */
@Component
class Passwords {

	static final int MIN_LENGTH = 10;

	static final int MAX_LENGTH = 200;

	private static final int BCRYPT_MAX_BYTES = 72;

	private final BCryptPasswordEncoder bcrypt;

	private final Scheduler scheduler = Schedulers.boundedElastic();

	// Checked when the user does not exist, so that an unknown e-mail takes as long as a
	// wrong password.
	private final String dummyHash;

	Passwords(TicketProperties properties) {
		this.bcrypt = new BCryptPasswordEncoder(properties.identity().bcryptStrength());
		this.dummyHash = this.bcrypt.encode("not-a-password-of-anyone");
	}

	Mono<String> hash(String password) {
		return Mono.fromCallable(() -> this.bcrypt.encode(prepared(password))).subscribeOn(this.scheduler);
	}

	/**
	 * @param password what the client sent
	 * @param hash the stored hash, or {@code null} when there is no such user
	 * @return whether the password matches; {@code false} without a hash, after as long a
	 * check as with one
	 */
	Mono<Boolean> matches(String password, String hash) {
		return Mono.fromCallable(() -> {
			if (hash == null) {
				this.bcrypt.matches(prepared(password), this.dummyHash);
				return false;
			}
			return this.bcrypt.matches(prepared(password), hash);
		}).subscribeOn(this.scheduler);
	}

	private static String prepared(String password) {
		byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
		if (bytes.length <= BCRYPT_MAX_BYTES) {
			return password;
		}
		try {
			return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
