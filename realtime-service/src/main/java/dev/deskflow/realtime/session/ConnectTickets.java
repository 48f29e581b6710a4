package dev.deskflow.realtime.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import dev.deskflow.realtime.RealtimeProperties;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * One-time connect tickets, so that access tokens never sit in URLs or logs: a random
 * value handed to the client, stored in Redis only as its SHA-256 with a short TTL, and
 * consumed atomically (GETDEL) by the first upgrade or re-authentication that shows it.
 */
@Component
class ConnectTickets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ReactiveStringRedisTemplate redis;

	private final RealtimeProperties properties;

	ConnectTickets(ReactiveStringRedisTemplate redis, RealtimeProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	Mono<String> issue(SessionIdentity identity) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		return this.redis.opsForValue()
			.set(key(ticket), identity.encode(), this.properties.connectTickets().ttl())
			.thenReturn(ticket);
	}

	/**
	 * @return the identity the ticket was issued for; empty when unknown, used or expired
	 */
	Mono<SessionIdentity> redeem(String ticket) {
		if (ticket == null || ticket.isEmpty() || ticket.length() > 128) {
			return Mono.empty();
		}
		return this.redis.opsForValue().getAndDelete(key(ticket)).map(SessionIdentity::decode);
	}

	private String key(String ticket) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(ticket.getBytes(StandardCharsets.UTF_8));
			return this.properties.redisKeyPrefix() + "connect:" + HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
