package dev.deskflow.support.security;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

/**
 * Reads the bearer token of the {@code Authorization} header, with the rules of Spring
 * Security's {@code ServerBearerTokenAuthenticationConverter} as every service configures
 * it (the header only; RFC 6750's {@code b64token}: {@code Bearer} in any case, one
 * space, then {@code [A-Za-z0-9-._~+/]+=*}), without the regular expression that
 * converter runs over the whole token on every request.
 * <ul>
 * <li>no {@code Authorization} header, or another scheme: no token (empty);</li>
 * <li>{@code Bearer} followed by anything else than a well-formed token: 401
 * {@code invalid_token}, "Bearer token is malformed".</li>
 * </ul>
 */
public final class BearerTokenConverter implements ServerAuthenticationConverter {

	private static final String SCHEME = "bearer";

	@Override
	public Mono<Authentication> convert(ServerWebExchange exchange) {
		String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
			return Mono.empty();
		}
		String token = token(authorization);
		if (token == null) {
			return Mono
				.error(new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed")));
		}
		return Mono.just(new BearerTokenAuthenticationToken(token));
	}

	/**
	 * @param authorization a header value that starts with the scheme, in any case
	 * @return the token, or {@code null} when the rest is not {@code " " b64token}
	 */
	static String token(String authorization) {
		int start = SCHEME.length() + 1;
		if (authorization.length() <= start || authorization.charAt(start - 1) != ' ') {
			return null;
		}
		int end = authorization.length();
		int padding = end;
		while (padding > start && authorization.charAt(padding - 1) == '=') {
			padding--;
		}
		if (padding == start) {
			return null; // padding only
		}
		for (int i = start; i < padding; i++) {
			if (!tokenCharacter(authorization.charAt(i))) {
				return null;
			}
		}
		return authorization.substring(start);
	}

	private static boolean tokenCharacter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~' || c == '+' || c == '/';
	}

}
