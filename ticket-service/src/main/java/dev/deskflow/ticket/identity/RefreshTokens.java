package dev.deskflow.ticket.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import dev.deskflow.ticket.TicketProperties;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Refresh tokens (decision 004): opaque 256-bit random values, stored only as SHA-256
 * hashes, rotated on every use within their family (one log-in). Callers run
 * {@link #rotate} in a transaction.
 */
@Component
class RefreshTokens {

	private static final SecureRandom random = new SecureRandom();

	private final DatabaseClient database;

	private final TicketProperties.Identity settings;

	RefreshTokens(DatabaseClient database, TicketProperties properties) {
		this.database = database;
		this.settings = properties.identity();
	}

	/**
	 * Starts a family (a log-in) or continues one (a rotation).
	 * @param user the user
	 * @param familyId the family, or {@code null} for a new one
	 * @return the token, to hand to the client once
	 */
	Mono<String> issue(User user, UUID familyId) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		return this.database.sql("""
				insert into refresh_tokens (id, family_id, tenant_id, user_id, token_hash, expires_at)
				values (:id, :family, :tenant, :user, :hash, now() + make_interval(secs => :ttl))""")
			.bind("id", Ids.next())
			.bind("family", (familyId != null) ? familyId : Ids.next())
			.bind("tenant", user.tenantId())
			.bind("user", user.id())
			.bind("hash", hash(token))
			.bind("ttl", (double) this.settings.refreshTokenTtl().toSeconds())
			.then()
			.thenReturn(token);
	}

	/**
	 * Uses a token up: marks it rotated, or, if it was rotated before (a stolen copy, or
	 * the client's own stale one), revokes its whole family. Run in a transaction; the
	 * row is locked so that two uses of one token cannot both succeed.
	 * @param token the token the client sent
	 * @return what the token was
	 */
	Mono<Use> use(String token) {
		return this.database.sql("""
				select id, family_id, tenant_id, user_id, rotated_at is not null as rotated,
				    revoked_at is not null as revoked, expires_at <= now() as expired
				from refresh_tokens where token_hash = :hash for update""")
			.bind("hash", hash(token))
			.map((row) -> new Stored(row.get("id", UUID.class), row.get("family_id", UUID.class),
					row.get("tenant_id", UUID.class), row.get("user_id", UUID.class),
					Boolean.TRUE.equals(row.get("rotated", Boolean.class)),
					Boolean.TRUE.equals(row.get("revoked", Boolean.class)),
					Boolean.TRUE.equals(row.get("expired", Boolean.class))))
			.one()
			.flatMap((stored) -> {
				if (stored.revoked() || stored.expired()) {
					return Mono.just((Use) new Use.Invalid());
				}
				if (stored.rotated()) {
					return revokeFamily(stored.familyId()).thenReturn((Use) new Use.Reused(stored.familyId()));
				}
				return this.database.sql("update refresh_tokens set rotated_at = now() where id = :id")
					.bind("id", stored.id())
					.then()
					.thenReturn((Use) new Use.Valid(stored.tenantId(), stored.userId(), stored.familyId()));
			})
			.defaultIfEmpty(new Use.Invalid());
	}

	/**
	 * @param token a token the client sent
	 * @return done, whether or not the token was known
	 */
	Mono<Void> revokeFamilyOf(String token) {
		return this.database.sql("""
				update refresh_tokens set revoked_at = now() where revoked_at is null
				and family_id = (select family_id from refresh_tokens where token_hash = :hash)""")
			.bind("hash", hash(token))
			.then();
	}

	Mono<Void> revokeFamily(UUID familyId) {
		return this.database
			.sql("update refresh_tokens set revoked_at = now() where family_id = :family and revoked_at is null")
			.bind("family", familyId)
			.then();
	}

	/**
	 * Ends every session of a user, for example when they are deactivated.
	 */
	Mono<Void> revokeUser(UUID tenantId, UUID userId) {
		return this.database.sql("""
				update refresh_tokens set revoked_at = now()
				where tenant_id = :tenant and user_id = :user and revoked_at is null""")
			.bind("tenant", tenantId)
			.bind("user", userId)
			.then();
	}

	/**
	 * @return how many tokens were deleted; a day after expiry, a reused token answers
	 * 401 just the same without its row
	 */
	Mono<Long> pruneExpired() {
		return this.database.sql("delete from refresh_tokens where expires_at < now() - interval '1 day'")
			.fetch()
			.rowsUpdated();
	}

	private static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

	private record Stored(UUID id, UUID familyId, UUID tenantId, UUID userId, boolean rotated, boolean revoked,
			boolean expired) {
	}

	/**
	 * What a refresh token turned out to be.
	 */
	sealed interface Use {

		/**
		 * Unknown, expired or revoked.
		 */
		record Invalid() implements Use {
		}

		/**
		 * Used before: its family is now revoked.
		 *
		 * @param familyId the revoked family
		 */
		record Reused(UUID familyId) implements Use {
		}

		/**
		 * Current: now rotated; the family goes on with a new token.
		 *
		 * @param tenantId the user's tenant
		 * @param userId the user
		 * @param familyId the family
		 */
		record Valid(UUID tenantId, UUID userId, UUID familyId) implements Use {
		}

	}

}
