package dev.deskflow.ticket.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import dev.deskflow.common.problem.FieldError;
import dev.deskflow.support.lifecycle.Rounds;
import dev.deskflow.support.problem.ProblemException;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * {@code Idempotency-Key} on creates: a client that did not get the answer to a POST (a
 * timeout, a crash, a lost connection) sends it again with the same key and gets the
 * resource the first one created, never a second one.
 * <p>
 * Runs inside the caller's tenant transaction. The first request claims the key with an
 * insert that does nothing on conflict — PostgreSQL makes a concurrent second claim wait
 * until the first transaction ends — creates the resource and records its id; a later
 * request with the key finds the id and reads the resource instead. The same key with
 * another body is refused (409). Keys live a day: expired ones are deleted in hourly
 * rounds.
 */
@Component
public class IdempotencyKeys extends Rounds {

	/** The header clients send. */
	public static final String HEADER = "Idempotency-Key";

	/** The header a replayed answer carries. */
	public static final String REPLAYED_HEADER = "Idempotent-Replayed";

	private static final Pattern VALID = Pattern.compile("[\\x21-\\x7E]{1,100}");

	private static final Duration RETENTION = Duration.ofDays(1);

	private final DatabaseClient database;

	IdempotencyKeys(DatabaseClient database) {
		super("Pruning idempotency keys", LoggerFactory.getLogger(IdempotencyKeys.class), true, Duration.ofMinutes(1),
				Duration.ofHours(1));
		this.database = database;
	}

	/**
	 * The outcome of a create.
	 *
	 * @param <T> the resource type
	 * @param value the resource
	 * @param replayed whether an earlier request with the same key created it
	 */
	public record Outcome<T>(T value, boolean replayed) {
	}

	/**
	 * Creates once per key. Call inside a tenant transaction.
	 * @param <T> the resource type
	 * @param tenantId the caller's tenant
	 * @param userId the caller
	 * @param key the {@code Idempotency-Key}, or {@code null} for none
	 * @param scope what is created, e.g. {@code ticket} (a key is bound to one scope)
	 * @param request makes a stable text of the request (its JSON), to refuse a key
	 * reused for another request
	 * @param create creates the resource
	 * @param idOf the id of a created resource
	 * @param existing reads the resource an earlier request created
	 * @return the resource and whether it was replayed
	 */
	public <T> Mono<Outcome<T>> once(UUID tenantId, UUID userId, String key, String scope, Supplier<String> request,
			Supplier<Mono<T>> create, Function<T, UUID> idOf, Function<UUID, Mono<T>> existing) {
		if (key == null) {
			return Mono.defer(create).map((value) -> new Outcome<>(value, false));
		}
		if (!VALID.matcher(key).matches()) {
			return Mono.error(ProblemException.invalid("The Idempotency-Key header is not valid.",
					List.of(new FieldError(HEADER, "1 to 100 visible ASCII characters"))));
		}
		String hash = sha256(scope + "\n" + request.get());
		return this.database
			.sql("insert into idempotency_keys (tenant_id, user_id, idem_key, scope, request_hash) "
					+ "values (:tenant, :user, :key, :scope, :hash) on conflict do nothing")
			.bind("tenant", tenantId)
			.bind("user", userId)
			.bind("key", key)
			.bind("scope", scope)
			.bind("hash", hash)
			.fetch()
			.rowsUpdated()
			.flatMap((claimed) -> (claimed == 1)
					? Mono.defer(create)
						.flatMap((value) -> this.database
							.sql("update idempotency_keys set resource_id = :id "
									+ "where tenant_id = :tenant and user_id = :user and idem_key = :key")
							.bind("id", idOf.apply(value))
							.bind("tenant", tenantId)
							.bind("user", userId)
							.bind("key", key)
							.fetch()
							.rowsUpdated()
							.thenReturn(new Outcome<>(value, false)))
					: replay(tenantId, userId, key, scope, hash, existing));
	}

	private <T> Mono<Outcome<T>> replay(UUID tenantId, UUID userId, String key, String scope, String hash,
			Function<UUID, Mono<T>> existing) {
		return this.database
			.sql("select scope, request_hash, resource_id from idempotency_keys "
					+ "where tenant_id = :tenant and user_id = :user and idem_key = :key")
			.bind("tenant", tenantId)
			.bind("user", userId)
			.bind("key", key)
			.map((row) -> new Claim(row.get("scope", String.class), row.get("request_hash", String.class),
					row.get("resource_id", UUID.class)))
			.one()
			.flatMap((claim) -> {
				if (!claim.scope().equals(scope) || !claim.hash().equals(hash) || claim.resourceId() == null) {
					return Mono.error(ProblemException.conflict(
							"This Idempotency-Key was used for another request; use a new key for a new request."));
				}
				return existing.apply(claim.resourceId()).map((value) -> new Outcome<>(value, true));
			});
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	Mono<Long> pruneExpired() {
		return this.database.sql("delete from idempotency_keys where created_at < now() - make_interval(secs => :age)")
			.bind("age", (double) RETENTION.toSeconds())
			.fetch()
			.rowsUpdated();
	}

	@Override
	protected Mono<Long> round() {
		return pruneExpired();
	}

	private record Claim(String scope, String hash, UUID resourceId) {
	}

}
