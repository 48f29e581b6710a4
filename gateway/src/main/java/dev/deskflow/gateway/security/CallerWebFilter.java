package dev.deskflow.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Records the verified {@link Caller} in the exchange's attributes, which every decorated
 * exchange shares, so that filters outside the security chain (the access log) and route
 * filters (the rate limiter) see it.
 */
class CallerWebFilter implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.filter(JwtAuthenticationToken.class::isInstance)
			.map(JwtAuthenticationToken.class::cast)
			.doOnNext((token) -> Caller.from(token.getToken()).storeIn(exchange))
			.then(chain.filter(exchange));
	}

}
