package dev.deskflow.support.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedTokenCacheTest {

	private final Instant now = Instant.parse("2026-11-23T12:00:00Z");

	private final AtomicInteger verifications = new AtomicInteger();

	@Test
	void verifiesARepeatedTokenOnce() {
		VerifiedTokenCache cache = cache(verifierAcceptingUntil(this.now.plusSeconds(600)), this.now);

		cache.decode("token-a").as(StepVerifier::create).expectNextCount(1).verifyComplete();
		cache.decode("token-a").as(StepVerifier::create).expectNextCount(1).verifyComplete();

		assertThat(this.verifications).hasValue(1);
	}

	@Test
	void verifiesAnotherTokenOnItsOwn() {
		VerifiedTokenCache cache = cache(verifierAcceptingUntil(this.now.plusSeconds(600)), this.now);

		cache.decode("token-a").as(StepVerifier::create).expectNextCount(1).verifyComplete();
		cache.decode("token-a-tampered").as(StepVerifier::create).expectNextCount(1).verifyComplete();

		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void neverServesARememberedTokenPastItsExpiry() {
		Instant expiry = this.now.plusSeconds(30);
		MovableClock clock = new MovableClock(this.now);
		VerifiedTokenCache cache = new VerifiedTokenCache((token) -> {
			this.verifications.incrementAndGet();
			return clock.instant().isBefore(expiry) ? Mono.just(jwt(expiry))
					: Mono.error(new BadJwtException("expired"));
		}, 100, Duration.ofMinutes(5), clock);
		cache.decode("token-b").as(StepVerifier::create).expectNextCount(1).verifyComplete();

		clock.now = expiry.plusSeconds(1);

		cache.decode("token-b").as(StepVerifier::create).expectError(BadJwtException.class).verify();
		assertThat(this.verifications).hasValue(2);
	}

	private static final class MovableClock extends Clock {

		Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

	private VerifiedTokenCache cache(ReactiveJwtDecoder verifier, Instant at) {
		return new VerifiedTokenCache(verifier, 100, Duration.ofMinutes(5), Clock.fixed(at, ZoneOffset.UTC));
	}

	private ReactiveJwtDecoder verifierAcceptingUntil(Instant expiry) {
		return (token) -> {
			this.verifications.incrementAndGet();
			return Mono.just(jwt(expiry));
		};
	}

	private static Jwt jwt(Instant expiry) {
		return Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.subject("user")
			.issuedAt(expiry.minusSeconds(900))
			.expiresAt(expiry)
			.build();
	}

}
