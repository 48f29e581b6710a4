package dev.deskflow.gateway.security;

import java.util.Optional;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who sent a request whose access token the gateway verified: read by the rate limiter
 * and the access log. Never derived from a header the client controls.
 *
 * @param tenant the tenant's slug ({@code tenant} claim), or {@code null} for a token
 * without one (an external issuer's)
 * @param user the user's id ({@code sub} claim)
 */
public record Caller(String tenant, String user) {

	private static final String ATTRIBUTE = Caller.class.getName();

	/**
	 * @param exchange the current exchange
	 * @return the verified caller, or empty for an anonymous request
	 */
	public static Optional<Caller> of(ServerWebExchange exchange) {
		return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
	}

	static Caller from(Jwt jwt) {
		return new Caller(jwt.getClaimAsString("tenant"), jwt.getSubject());
	}

	void storeIn(ServerWebExchange exchange) {
		exchange.getAttributes().put(ATTRIBUTE, this);
	}

}
