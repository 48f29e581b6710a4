package dev.deskflow.ticket.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import dev.deskflow.common.problem.ProblemTypes;
import dev.deskflow.support.problem.ProblemException;
import dev.deskflow.ticket.TicketProperties;
import reactor.core.publisher.Mono;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Brute-force protection of log-in: failed attempts are counted in Redis per account
 * (tenant and e-mail, whether or not it exists, so the answer tells nothing about it) and
 * per client address, each in a window that starts with its first failure. Past a limit,
 * log-in answers 429 with {@code Retry-After} until the window ends, even for the right
 * password. A successful log-in clears the account's count.
 * <p>
 * Keys: {@code <prefix>login-failures:account:<tenant>:<sha256 of e-mail>} (no e-mail in
 * clear in Redis) and {@code <prefix>login-failures:address:<address>}.
 */
@Component
class LoginAttempts {

	// Returns the milliseconds until the longest exceeded window ends, 0 if none is.
	private static final RedisScript<Long> CHECK = RedisScript.of("""
			local wait = 0
			for i, key in ipairs(KEYS) do
			  local failures = tonumber(redis.call('GET', key) or '0')
			  if failures >= tonumber(ARGV[i]) then
			    local ttl = redis.call('PTTL', key)
			    if ttl > wait then wait = ttl end
			  end
			end
			return wait""", Long.class);

	// The window starts with the first failure: later ones do not extend it.
	private static final RedisScript<Long> COUNT = RedisScript.of("""
			for _, key in ipairs(KEYS) do
			  if redis.call('INCR', key) == 1 then redis.call('PEXPIRE', key, ARGV[1]) end
			end
			return 1""", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final String prefix;

	private final TicketProperties.BruteForce limits;

	LoginAttempts(ReactiveStringRedisTemplate redis, TicketProperties properties) {
		this.redis = redis;
		this.prefix = properties.redisKeyPrefix() + "login-failures:";
		this.limits = properties.identity().bruteForce();
	}

	/**
	 * @return empty if the attempt may go on; a 429 problem otherwise
	 */
	Mono<Void> checkAllowed(String tenant, String email, String address) {
		return this.redis
			.execute(CHECK, keys(tenant, email, address),
					List.of(Integer.toString(this.limits.accountFailures()),
							Integer.toString(this.limits.addressFailures())))
			.next()
			.onErrorMap(DataAccessException.class, LoginAttempts::unavailable)
			.flatMap((waitMillis) -> (waitMillis > 0) ? Mono.error(ProblemException
				.rateLimited(Math.max(1, (waitMillis + 999) / 1000), "Too many failed log-ins. Try again later."))
					: Mono.empty());
	}

	Mono<Void> recordFailure(String tenant, String email, String address) {
		return this.redis
			.execute(COUNT, keys(tenant, email, address), List.of(Long.toString(this.limits.window().toMillis())))
			.then()
			.onErrorMap(DataAccessException.class, LoginAttempts::unavailable);
	}

	Mono<Void> reset(String tenant, String email) {
		return this.redis.delete(accountKey(tenant, email))
			.then()
			.onErrorMap(DataAccessException.class, LoginAttempts::unavailable);
	}

	private List<String> keys(String tenant, String email, String address) {
		return List.of(accountKey(tenant, email), this.prefix + "address:" + address);
	}

	private String accountKey(String tenant, String email) {
		return this.prefix + "account:" + tenant + ":" + sha256(email);
	}

	// Without the counters log-in cannot be guarded: refuse rather than allow unlimited
	// guessing.
	private static ProblemException unavailable(Throwable cause) {
		return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE,
				"Service unavailable", "Log-in is unavailable for a moment. Try again shortly.", List.of(),
				Map.of("Retry-After", "5"));
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
