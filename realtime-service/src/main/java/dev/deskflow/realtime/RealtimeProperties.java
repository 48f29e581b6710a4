package dev.deskflow.realtime;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Every setting of realtime-service ({@code deskflow.realtime.*}); each has a local
 * default and an environment override in {@code application.yml}. Token checks are
 * {@code deskflow.security.*} of service-support.
 *
 * @param redisKeyPrefix prefix of every Redis key the service writes
 * @param consumerGroup prefix of the consumer group of each instance; the instance id is
 * appended so that every instance receives every event
 * @param instanceId this instance's stable name (a pod's name), so that a restarted
 * instance resumes its consumer group where it stopped; empty for a random one
 * @param session WebSocket sessions
 * @param connectTickets one-time connect tickets
 * @param replay the per-tenant event streams
 * @param presence who is viewing a ticket
 */
@Validated
@ConfigurationProperties("deskflow.realtime")
public record RealtimeProperties(@NotBlank @Pattern(regexp = "[a-z0-9:-]+:") String redisKeyPrefix,
		@NotBlank String consumerGroup, @DefaultValue("") @Pattern(regexp = "[A-Za-z0-9._-]{0,100}") String instanceId,
		@Valid @NotNull @DefaultValue Session session, @Valid @NotNull @DefaultValue ConnectTickets connectTickets,
		@Valid @NotNull @DefaultValue Replay replay, @Valid @NotNull @DefaultValue Presence presence) {

	/**
	 * @param outboundBuffer frames queued for one client before it counts as too slow and
	 * is closed with 1013
	 * @param heartbeat how often the server pings; a client silent for two intervals is
	 * closed with 4002
	 * @param maxFrameBytes the largest frame a client may send; larger ones close the
	 * session with 1009
	 */
	public record Session(@DefaultValue("256") @Min(8) @Max(65536) int outboundBuffer,
			@DefaultValue("30s") @NotNull Duration heartbeat,
			@DefaultValue("16384") @Min(1024) @Max(1048576) int maxFrameBytes) {
	}

	/**
	 * @param ttl how long a connect ticket may wait to be used
	 */
	public record ConnectTickets(@DefaultValue("30s") @NotNull Duration ttl) {
	}

	/**
	 * @param retention about how many events each tenant's stream keeps (XADD MAXLEN ~)
	 * @param dedupTtl how long an event id is remembered so that only one instance
	 * appends it
	 */
	public record Replay(@DefaultValue("10000") @Min(100) long retention,
			@DefaultValue("24h") @NotNull Duration dedupTtl) {
	}

	/**
	 * @param ttl how long a viewer stays listed without a heartbeat
	 */
	public record Presence(@DefaultValue("30s") @NotNull Duration ttl) {
	}

}
