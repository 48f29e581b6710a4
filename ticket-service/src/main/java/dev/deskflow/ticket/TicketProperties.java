package dev.deskflow.ticket;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.validation.annotation.Validated;

/**
 * Every setting of ticket-service ({@code deskflow.ticket.*}); each has a local default
 * and an environment override in {@code application.yml}.
 *
 * @param redisKeyPrefix prefix of every Redis key the service writes
 * @param demo the demo data seeded into a fresh local platform
 * @param outbox the relay of the transactional outbox
 * @param identity tenants, users, log-in and tokens
 */
@Validated
@ConfigurationProperties("deskflow.ticket")
public record TicketProperties(@NotBlank @Pattern(regexp = "[a-z0-9:-]+:") String redisKeyPrefix,
		@NotNull @Valid Demo demo, @NotNull @Valid Outbox outbox, @NotNull @Valid Identity identity) {

	@ConstructorBinding
	public TicketProperties {
	}

	/**
	 * Settings with the identity defaults, for code that needs only the other settings.
	 * @param redisKeyPrefix prefix of every Redis key the service writes
	 * @param demo the demo data
	 * @param outbox the outbox relay
	 */
	public TicketProperties(String redisKeyPrefix, Demo demo, Outbox outbox) {
		this(redisKeyPrefix, demo, outbox, Identity.defaults());
	}

	/**
	 * @param enabled whether to seed the demo tenant at start-up (once; a seeded tenant
	 * is left alone)
	 * @param tenant slug of the demo tenant
	 * @param dataDirectory folder with the demo ticket files and their licence notices
	 * @param password the password of every demo login
	 */
	public record Demo(boolean enabled, @NotBlank String tenant, Path dataDirectory, @NotBlank String password) {
	}

	/**
	 * @param pollInterval how often the relay looks for unsent events when no commit woke
	 * it
	 * @param batchSize events published per batch
	 * @param maxBackoff longest wait between attempts while the broker is away
	 * @param retention how long sent events are kept before they are pruned
	 * @param batchWindow how long the relay waits after a commit woke it before it locks
	 * a batch, so that commits close together are published as one batch (fewer round
	 * trips and Kafka requests per event under load, at most this much later each); zero
	 * drains at once
	 * @param maxDrain how long one drain goes on publishing what commits while it runs,
	 * in one transaction, before it commits its marks and a new drain starts (the longest
	 * the relay lock is held, and the most a crash re-publishes)
	 */
	public record Outbox(@NotNull Duration pollInterval, @Positive int batchSize, @NotNull Duration maxBackoff,
			@NotNull Duration retention, @NotNull Duration batchWindow, @NotNull Duration maxDrain) {
	}

	/**
	 * Tenants, users, log-in and the tokens of decision 004.
	 *
	 * @param issuer the {@code iss} of every access token, and the only one accepted
	 * @param audience the {@code aud} of every access token, and the only one accepted
	 * @param accessTokenTtl lifetime of an access token
	 * @param refreshTokenTtl lifetime of a refresh token (each rotation starts a new one)
	 * @param bcryptStrength log2 of the bcrypt rounds of a password hash
	 * @param operatorToken the platform operator's credential: sent as
	 * {@code Authorization: Bearer} to {@code /api/admin/tenants} and
	 * {@code /api/admin/signing-keys}
	 * @param selfServiceTenants whether anyone may create a tenant with
	 * {@code POST /api/auth/tenants}
	 * @param signingKeyMaxAge age after which the signing key is replaced by a new one
	 * @param signingKeyCheckInterval how often the service checks the signing key's age
	 * and prunes expired keys and refresh tokens
	 * @param trustForwardedFor whether the client address of the log-in limits is the
	 * last {@code X-Forwarded-For} entry (set only behind the gateway, which appends it)
	 * rather than the connection's peer
	 * @param bruteForce the limits of failed log-ins
	 */
	public record Identity(@NotBlank String issuer, @NotBlank String audience, @NotNull Duration accessTokenTtl,
			@NotNull Duration refreshTokenTtl, @Min(4) @Max(31) int bcryptStrength,
			@NotBlank @Size(min = 16) String operatorToken, boolean selfServiceTenants,
			@NotNull Duration signingKeyMaxAge, @NotNull Duration signingKeyCheckInterval, boolean trustForwardedFor,
			@NotNull @Valid BruteForce bruteForce) {

		/**
		 * The local default of {@link #operatorToken()}; a WARN at start-up says when it
		 * is in use.
		 */
		public static final String LOCAL_OPERATOR_TOKEN = "local-operator-token";

		static Identity defaults() {
			return new Identity("http://localhost:8080", "deskflow-api", Duration.ofMinutes(15), Duration.ofDays(14),
					10, LOCAL_OPERATOR_TOKEN, false, Duration.ofDays(30), Duration.ofHours(1), false,
					new BruteForce(5, 50, Duration.ofMinutes(15)));
		}

	}

	/**
	 * Failed log-ins counted in Redis; past a limit, log-in answers 429 until the window
	 * of the first counted failure ends.
	 *
	 * @param accountFailures failures allowed per tenant and e-mail within the window
	 * @param addressFailures failures allowed per client address within the window
	 * @param window how long failures are counted
	 */
	public record BruteForce(@Positive int accountFailures, @Positive int addressFailures, @NotNull Duration window) {
	}

}
