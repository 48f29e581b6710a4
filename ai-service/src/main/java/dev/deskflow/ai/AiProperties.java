package dev.deskflow.ai;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Every setting of ai-service ({@code deskflow.ai.*}); each has a local default and an
 * environment override in {@code application.yml}.
 *
 * @param redisKeyPrefix prefix of every Redis key the service writes
 * @param consumerGroup the Kafka consumer group the service's instances share
 * @param consumer how the event consumer retries
 * @param index the in-memory retrieval indexes
 * @param recommendations how many results an answer holds
 * @param models training and the model registry
 */
@Validated
@ConfigurationProperties("deskflow.ai")
public record AiProperties(@NotBlank @Pattern(regexp = "[a-z0-9:-]+:") String redisKeyPrefix,
		@NotBlank String consumerGroup, @Valid @NotNull Consumer consumer, @Valid @NotNull Index index,
		@Valid @NotNull Recommendations recommendations, @Valid @NotNull Models models) {

	/**
	 * @param maxAttempts deliveries of one record before it is parked
	 * @param retryInterval pause between two deliveries
	 * @param processedRetention how long an applied event's id is remembered, so that its
	 * redelivery changes nothing; keep it longer than the topics' retention, since a new
	 * consumer group reads them from the oldest event
	 */
	public record Consumer(@Min(1) int maxAttempts, @NotNull Duration retryInterval,
			@NotNull Duration processedRetention) {
	}

	/**
	 * @param maxTenants tenants whose index is kept in memory at once
	 * @param idleTimeout a tenant's index is dropped after this long without use
	 * @param freshWait how long a read after a change waits at most for the tenant's
	 * index to be rebuilt; a tenant whose last build took longer is answered from its
	 * previous index while the rebuild runs
	 */
	public record Index(@Min(1) int maxTenants, @NotNull Duration idleTimeout, @NotNull Duration freshWait) {
	}

	/**
	 * @param tickets similar solved tickets per answer
	 * @param articles knowledge-base articles per answer
	 */
	public record Recommendations(@Min(1) @Max(50) int tickets, @Min(1) @Max(50) int articles) {
	}

	/**
	 * @param directory where model files are written, one sub-directory per tenant
	 * @param minSolvedTickets a tenant needs this many solved tickets to train a model
	 * @param dimensions Word2Vec vector length
	 * @param epochs Word2Vec passes over the corpus
	 * @param minCount occurrences a term needs to get a vector
	 * @param workers training threads (1 is reproducible)
	 * @param holdOut share of the solved tickets held out to evaluate a candidate
	 * @param retrainAfterSolved a job starts by itself once this many tickets were solved
	 * since the newest model was trained
	 * @param jobTimeout a job running longer is taken for dead (its instance stopped) and
	 * no longer blocks the tenant's next job
	 * @param baseModel whether tenants too small to train use the shipped base model
	 */
	public record Models(@NotNull Path directory, @Min(2) int minSolvedTickets, @Min(1) int dimensions,
			@Min(1) int epochs, @Min(1) int minCount, @Min(1) int workers,
			@DecimalMin("0.05") @DecimalMax("0.5") double holdOut, @Min(1) int retrainAfterSolved,
			@NotNull Duration jobTimeout, boolean baseModel) {
	}

}
