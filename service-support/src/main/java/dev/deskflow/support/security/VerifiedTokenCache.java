package dev.deskflow.support.security;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Remembers tokens that passed verification, so a client's next calls with the same
 * access token skip the RSA signature check (about half a millisecond of CPU each on this
 * project's machines, measured in {@code GatewayBenchmark}). A remembered token is served
 * only while its own {@code exp} lies ahead, with no clock skew: the cache never accepts
 * a token the decoder would refuse. Keyed by the whole token, so a changed byte misses.
 * Used by the gateway and by every resource server (a service re-verifies the token the
 * gateway passed on, so each request would otherwise pay for the signature twice).
 */
public final class VerifiedTokenCache implements ReactiveJwtDecoder {

	private final ReactiveJwtDecoder verifier;

	private final Cache<String, Jwt> verified;

	private final Clock clock;

	/**
	 * Remembers up to 50,000 tokens for at most five minutes each (an access token lives
	 * fifteen), on the system clock.
	 * @param verifier the decoder that verifies a token the first time
	 * @return the remembering decoder
	 */
	public static VerifiedTokenCache remembering(ReactiveJwtDecoder verifier) {
		return new VerifiedTokenCache(verifier, 50_000, Duration.ofMinutes(5), Clock.systemUTC());
	}

	VerifiedTokenCache(ReactiveJwtDecoder verifier, long maximumSize, Duration maximumAge, Clock clock) {
		this.verifier = verifier;
		this.verified = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(maximumAge).build();
		this.clock = clock;
	}

	@Override
	public Mono<Jwt> decode(String token) {
		Jwt known = this.verified.getIfPresent(token);
		if (known != null && known.getExpiresAt() != null && known.getExpiresAt().isAfter(this.clock.instant())) {
			return Mono.just(known);
		}
		return this.verifier.decode(token).doOnNext((jwt) -> this.verified.put(token, jwt));
	}

}
