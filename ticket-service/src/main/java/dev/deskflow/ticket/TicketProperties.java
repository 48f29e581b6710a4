package dev.deskflow.ticket;

import java.nio.file.Path;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Every setting of ticket-service ({@code deskflow.ticket.*}); each has a local default
 * and an environment override in {@code application.yml}.
 *
 * @param redisKeyPrefix prefix of every Redis key the service writes
 * @param demo the demo data seeded into a fresh local platform
 */
@Validated
@ConfigurationProperties("deskflow.ticket")
public record TicketProperties(@NotBlank @Pattern(regexp = "[a-z0-9:-]+:") String redisKeyPrefix,
		@NotNull @Valid Demo demo) {

	/**
	 * @param enabled whether to seed the demo tenant at start-up (once; a seeded tenant
	 * is left alone)
	 * @param tenant slug of the demo tenant
	 * @param dataDirectory folder with the demo ticket files and their licence notices
	 * @param password the password of every demo login
	 */
	public record Demo(boolean enabled, @NotBlank String tenant, Path dataDirectory, @NotBlank String password) {
	}

}
