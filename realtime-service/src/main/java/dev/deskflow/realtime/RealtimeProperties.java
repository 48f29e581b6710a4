package dev.deskflow.realtime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Every setting of realtime-service ({@code deskflow.realtime.*}); each has a local
 * default and an environment override in {@code application.yml}.
 *
 * @param redisKeyPrefix prefix of every Redis key the service writes
 * @param consumerGroup prefix of the consumer group of each instance (every instance
 * receives every event)
 */
@Validated
@ConfigurationProperties("deskflow.realtime")
public record RealtimeProperties(@NotBlank @Pattern(regexp = "[a-z0-9:-]+:") String redisKeyPrefix,
		@NotBlank String consumerGroup) {
}
