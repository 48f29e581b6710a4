package dev.deskflow.support.security;

import java.net.URI;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a Deskflow service checks access tokens ({@code deskflow.security.*}, decision
 * 004). Setting {@code jwks-uri} turns {@link ResourceServerAutoConfiguration} on.
 *
 * @param jwksUri where the issuer publishes its public keys, for example
 * {@code http://127.0.0.1:8081/.well-known/jwks.json}; fetched on the first token, not at
 * start-up, and again when a token names a {@code kid} not seen before
 * @param issuer the {@code iss} every token must carry
 * @param audience the {@code aud} every token must contain
 */
@Validated
@ConfigurationProperties("deskflow.security")
public record ResourceServerProperties(@NotNull URI jwksUri,
		@NotBlank @DefaultValue("http://localhost:8080") String issuer,
		@NotBlank @DefaultValue("deskflow-api") String audience) {
}
