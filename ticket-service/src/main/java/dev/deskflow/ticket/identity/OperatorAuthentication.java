package dev.deskflow.ticket.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import dev.deskflow.ticket.TicketProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Authenticates the platform operator: {@code Authorization: Bearer <operator token>},
 * the secret set at deploy time ({@code DESKFLOW_OPERATOR_TOKEN}). The comparison is of
 * SHA-256 digests in constant time, so neither the token's content nor its length leaks
 * through timing.
 */
@Component
class OperatorAuthentication implements ReactiveAuthenticationManager {

	static final String AUTHORITY = "OPERATOR";

	private static final Logger logger = LoggerFactory.getLogger(OperatorAuthentication.class);

	private final byte[] expected;

	OperatorAuthentication(TicketProperties properties) {
		String token = properties.identity().operatorToken();
		this.expected = sha256(token);
		if (TicketProperties.Identity.LOCAL_OPERATOR_TOKEN.equals(token)) {
			logger.warn(
					"The operator token is the local default '{}': anyone who knows it can create tenants. "
							+ "Set DESKFLOW_OPERATOR_TOKEN to a long random secret outside a developer's machine.",
					token);
		}
	}

	@Override
	public Mono<Authentication> authenticate(Authentication authentication) {
		if (authentication instanceof BearerTokenAuthenticationToken bearer
				&& MessageDigest.isEqual(sha256(bearer.getToken()), this.expected)) {
			return Mono.just(UsernamePasswordAuthenticationToken.authenticated("operator", null,
					List.of(new SimpleGrantedAuthority(AUTHORITY))));
		}
		return Mono.error(new BadCredentialsException("Not the operator token"));
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
