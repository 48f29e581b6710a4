package dev.deskflow.ticket.identity;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import dev.deskflow.ticket.TicketProperties;
import io.r2dbc.spi.Readable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The RSA keys of the access tokens, stored in {@code signing_keys} (see {@code V3} for
 * why the private halves may live there). The newest key that is not retired signs;
 * rotation retires it and adds a new one, and a retired key stays published (and
 * accepted) until every token it signed has expired.
 * <p>
 * Each instance keeps the keys in memory for {@link #REFRESH} and reads them again when a
 * token names a key it does not know, so a key that another instance added is picked up
 * without a restart.
 */
@Component
class SigningKeys {

	static final int KEY_SIZE = 2048;

	/** How long an instance signs with and trusts its in-memory copy of the keys. */
	static final Duration REFRESH = Duration.ofMinutes(1);

	// Unknown kids cost one database read each at most this often, so made-up kids cannot
	// hammer the database.
	private static final Duration UNKNOWN_KID_RELOAD = Duration.ofSeconds(5);

	private static final Logger logger = LoggerFactory.getLogger(SigningKeys.class);

	private final DatabaseClient database;

	private final TransactionalOperator transactions;

	// A retired key is published for the lifetime of its last token, plus the clock skew
	// the validators allow and the time another instance may still sign with its cached
	// copy.
	private final Duration publishedAfterRetirement;

	private volatile Mono<KeySet> cached;

	private volatile long lastUnknownKidReload;

	SigningKeys(DatabaseClient database, TransactionalOperator transactions, TicketProperties properties) {
		this.database = database;
		this.transactions = transactions;
		this.publishedAfterRetirement = properties.identity()
			.accessTokenTtl()
			.plus(AccessTokens.CLOCK_SKEW)
			.plus(REFRESH)
			.plus(Duration.ofMinutes(1));
		this.cached = cachedLoad();
	}

	/**
	 * @return the key to sign with; created on first use of a fresh database
	 */
	Mono<SigningKey> signingKey() {
		return this.cached.flatMap((keys) -> Mono.justOrEmpty(keys.signing()))
			.switchIfEmpty(Mono.defer(() -> createFirstKey().then(reload()))
				.flatMap((keys) -> Mono.justOrEmpty(keys.signing())))
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("No signing key after creating one")));
	}

	/**
	 * @return the public keys a token may be signed with: the signing key and the retired
	 * ones whose tokens may not have expired
	 */
	Mono<JWKSet> publishedKeys() {
		return signingKey().then(this.cached)
			.map((keys) -> new JWKSet(keys.published().stream().map((key) -> (JWK) key.jwk().toPublicJWK()).toList()));
	}

	/**
	 * @param kid the {@code kid} of a token
	 * @return the public key with that kid if it is published, reading the keys again if
	 * it is not known here
	 */
	Mono<JWK> verificationKey(String kid) {
		if (kid == null) {
			return Mono.empty();
		}
		return this.cached.flatMap((keys) -> Mono.justOrEmpty(keys.find(kid))).switchIfEmpty(Mono.defer(() -> {
			long now = System.nanoTime();
			if (now - this.lastUnknownKidReload < UNKNOWN_KID_RELOAD.toNanos()) {
				return Mono.empty();
			}
			this.lastUnknownKidReload = now;
			return reload().flatMap((keys) -> Mono.justOrEmpty(keys.find(kid)));
		})).map((key) -> key.jwk().toPublicJWK());
	}

	/**
	 * Adds a new signing key and retires the others.
	 * @return the new key
	 */
	Mono<SigningKey> rotate() {
		return generate().flatMap((jwk) -> insert(jwk, false)
			.then(this.database.sql("""
					update signing_keys set retired_at = now() where retired_at is null and kid <> :kid""")
				.bind("kid", jwk.getKeyID())
				.then())
			.as(this.transactions::transactional)
			.doOnSuccess((done) -> logger.info("Rotated the token signing key; the new kid is {}", jwk.getKeyID()))
			.then(reload())
			.flatMap((keys) -> Mono.justOrEmpty(keys.find(jwk.getKeyID()))));
	}

	/**
	 * @param maxAge the age at which the signing key is replaced
	 * @return whether it rotated
	 */
	Mono<Boolean> rotateIfOlderThan(Duration maxAge) {
		return signingKey().flatMap((key) -> key.createdAt().plus(maxAge).isBefore(Instant.now())
				? rotate().thenReturn(true) : Mono.just(false));
	}

	/**
	 * @return how many retired keys were deleted because no valid token can name them
	 */
	Mono<Long> pruneRetired() {
		return this.database.sql("delete from signing_keys where retired_at < now() - make_interval(secs => :window)")
			.bind("window", (double) this.publishedAfterRetirement.toSeconds())
			.fetch()
			.rowsUpdated();
	}

	private Mono<KeySet> reload() {
		Mono<KeySet> fresh = cachedLoad();
		this.cached = fresh;
		return fresh;
	}

	private Mono<KeySet> cachedLoad() {
		return Mono.defer(this::load).cache((keys) -> REFRESH, (error) -> Duration.ZERO, () -> Duration.ZERO);
	}

	private Mono<KeySet> load() {
		return this.database.sql("""
				select kid, private_key, public_key, created_at, retired_at from signing_keys
				where retired_at is null or retired_at > now() - make_interval(secs => :window)
				order by created_at desc""")
			.bind("window", (double) this.publishedAfterRetirement.toSeconds())
			.map(SigningKeys::key)
			.all()
			.collectList()
			.map(KeySet::new);
	}

	// Only when no key signs: two instances starting on a fresh database at once may
	// both add one, which is harmless (both are published, the newer signs).
	private Mono<Void> createFirstKey() {
		return generate().flatMap((jwk) -> insert(jwk, true).doOnSuccess((rows) -> {
			if (rows > 0) {
				logger.info("Created the first token signing key, kid {}", jwk.getKeyID());
			}
		})).then();
	}

	private Mono<Long> insert(RSAKey jwk, boolean onlyIfNoneSigns) {
		String sql = "insert into signing_keys (kid, private_key, public_key) select :kid, :private, :public"
				+ (onlyIfNoneSigns ? " where not exists (select 1 from signing_keys where retired_at is null)" : "");
		try {
			return this.database.sql(sql)
				.bind("kid", jwk.getKeyID())
				.bind("private", jwk.toRSAPrivateKey().getEncoded())
				.bind("public", jwk.toRSAPublicKey().getEncoded())
				.fetch()
				.rowsUpdated();
		}
		catch (JOSEException ex) {
			return Mono.error(ex);
		}
	}

	// Generating an RSA key pair takes a few hundred milliseconds: off the event loop.
	private static Mono<RSAKey> generate() {
		return Mono
			.fromCallable(() -> new RSAKeyGenerator(KEY_SIZE).keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.keyIDFromThumbprint(true)
				.generate())
			.subscribeOn(Schedulers.boundedElastic());
	}

	private static SigningKey key(Readable row) {
		try {
			KeyFactory rsa = KeyFactory.getInstance("RSA");
			RSAPublicKey publicKey = (RSAPublicKey) rsa
				.generatePublic(new X509EncodedKeySpec(row.get("public_key", byte[].class)));
			RSAPrivateKey privateKey = (RSAPrivateKey) rsa
				.generatePrivate(new PKCS8EncodedKeySpec(row.get("private_key", byte[].class)));
			RSAKey jwk = new RSAKey.Builder(publicKey).privateKey(privateKey)
				.keyID(row.get("kid", String.class))
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.build();
			return new SigningKey(jwk, row.get("created_at", Instant.class), row.get("retired_at", Instant.class),
					new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk))));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Stored signing key " + row.get("kid", String.class) + " is unreadable",
					ex);
		}
	}

	/**
	 * One RSA key pair.
	 *
	 * @param jwk the pair, with its kid
	 * @param createdAt when it was created
	 * @param retiredAt when it stopped signing, or {@code null} while it signs
	 * @param encoder signs with it
	 */
	record SigningKey(RSAKey jwk, Instant createdAt, Instant retiredAt, NimbusJwtEncoder encoder) {

		String kid() {
			return this.jwk.getKeyID();
		}

	}

	private record KeySet(List<SigningKey> published) {

		Optional<SigningKey> signing() {
			return this.published.stream().filter((key) -> key.retiredAt() == null).findFirst();
		}

		Optional<SigningKey> find(String kid) {
			return this.published.stream().filter((key) -> key.kid().equals(kid)).findFirst();
		}

	}

}
