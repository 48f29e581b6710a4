package dev.deskflow.gateway.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

/**
 * The explicit allow-list of calls that need no access token. Everything else does.
 */
final class PublicPaths {

	/**
	 * Calls that obtain or drop tokens: a bearer token sent along (an SPA interceptor
	 * attaching an expired one to its refresh call) is ignored rather than refused.
	 */
	static final ServerWebExchangeMatcher TOKEN_ENDPOINTS = new OrServerWebExchangeMatcher(
			new PathPatternParserServerWebExchangeMatcher("/api/auth/login", HttpMethod.POST),
			new PathPatternParserServerWebExchangeMatcher("/api/auth/signup", HttpMethod.POST),
			new PathPatternParserServerWebExchangeMatcher("/api/auth/refresh", HttpMethod.POST),
			new PathPatternParserServerWebExchangeMatcher("/api/auth/logout", HttpMethod.POST),
			new PathPatternParserServerWebExchangeMatcher("/api/auth/jwks", HttpMethod.GET),
			new PathPatternParserServerWebExchangeMatcher("/api/docs/**", HttpMethod.GET));

	/**
	 * The platform operator's calls (tenants, signing keys): their bearer credential is
	 * the operator token, not an access token, and ticket-service checks it itself.
	 */
	static final ServerWebExchangeMatcher OPERATOR_ENDPOINTS = new OrServerWebExchangeMatcher(
			new PathPatternParserServerWebExchangeMatcher("/api/admin/tenants"),
			new PathPatternParserServerWebExchangeMatcher("/api/admin/tenants/**"),
			new PathPatternParserServerWebExchangeMatcher("/api/admin/signing-keys"),
			new PathPatternParserServerWebExchangeMatcher("/api/admin/signing-keys/**"));

	/**
	 * Calls whose bearer credential, if any, is not the gateway's to verify.
	 */
	static final ServerWebExchangeMatcher OWN_CREDENTIALS = new OrServerWebExchangeMatcher(TOKEN_ENDPOINTS,
			OPERATOR_ENDPOINTS);

	/**
	 * Every GET outside {@code /api}, {@code /ws} and the breakers' fallbacks.
	 */
	static final ServerWebExchangeMatcher PAGES = new AndServerWebExchangeMatcher(
			new PathPatternParserServerWebExchangeMatcher("/**", HttpMethod.GET),
			new NegatedServerWebExchangeMatcher(
					new OrServerWebExchangeMatcher(new PathPatternParserServerWebExchangeMatcher("/api/**"),
							new PathPatternParserServerWebExchangeMatcher("/ws/**"),
							new PathPatternParserServerWebExchangeMatcher("/fallback/**"))));

	private PublicPaths() {
	}

	static AuthorizeExchangeSpec permit(AuthorizeExchangeSpec exchanges) {
		return exchanges.matchers(TOKEN_ENDPOINTS)
			.permitAll()
			// the published knowledge base; ticket-service filters what is public
			.pathMatchers(HttpMethod.GET, "/api/kb/articles", "/api/kb/articles/**")
			.permitAll()
			// the platform operator; ticket-service checks its own credential
			.matchers(OPERATOR_ENDPOINTS)
			.permitAll()
			// realtime-service authenticates the one-time connect ticket of the upgrade
			.pathMatchers(HttpMethod.GET, "/ws")
			.permitAll()
			// the SPA's pages and files (GETs outside the API); the gateway serves them
			// when deskflow.gateway.web.directory is set
			.matchers(PAGES)
			.permitAll()
			// browsers send preflights without credentials; the CORS filter answers them
			.pathMatchers(HttpMethod.OPTIONS, "/**")
			.permitAll();
	}

}
