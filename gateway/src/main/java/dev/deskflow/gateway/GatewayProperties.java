package dev.deskflow.gateway;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Every setting of the gateway ({@code deskflow.gateway.*}); each has a local default and
 * an environment override in {@code application.yml}.
 *
 * @param redisKeyPrefix prefix of every Redis key the gateway writes
 * @param services where the services behind the gateway listen
 */
@Validated
@ConfigurationProperties("deskflow.gateway")
public record GatewayProperties(@NotBlank @Pattern(regexp = "[a-z0-9:-]+:") String redisKeyPrefix,
		@NotNull @Valid Services services) {

	/**
	 * @param ticket base URI of ticket-service
	 * @param ai base URI of ai-service
	 * @param realtime base URI of realtime-service (HTTP; WebSocket upgrades use the same
	 * host)
	 */
	public record Services(@NotNull URI ticket, @NotNull URI ai, @NotNull URI realtime) {
	}

}
