package dev.deskflow.ai;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Every setting of ai-service ({@code deskflow.ai.*}); each has a local default and an
 * environment override in {@code application.yml}.
 *
 * @param redisKeyPrefix prefix of every Redis key the service writes
 * @param consumerGroup the Kafka consumer group the service's instances share
 */
@Validated
@ConfigurationProperties("deskflow.ai")
public record AiProperties(@NotBlank @Pattern(regexp = "[a-z0-9:-]+:") String redisKeyPrefix,
		@NotBlank String consumerGroup) {
}
