package dev.deskflow.gateway.security;

import java.util.List;
import java.util.Map;

import dev.deskflow.common.problem.ProblemTypes;
import dev.deskflow.support.problem.ProblemException;
import dev.deskflow.support.problem.ProblemWebExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers a missing or rejected access token with 401 problem+json, written by the same
 * handler as every other Deskflow error (so the body carries the request's trace id). The
 * detail is deliberately generic: why a token failed is logged, not told to whoever
 * forged it.
 */
class ProblemEntryPoint implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemEntryPoint.class);

	private final ProblemWebExceptionHandler problems;

	ProblemEntryPoint(ProblemWebExceptionHandler problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
		boolean tokenSent = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
		if (tokenSent) {
			log.debug("Rejected the access token of {} {}: {}", exchange.getRequest().getMethod(),
					exchange.getRequest().getPath(), failure.getMessage());
		}
		String detail = tokenSent ? "The access token is invalid or has expired; log in again."
				: "This call needs an access token: send Authorization: Bearer <token>.";
		String challenge = (tokenSent || failure instanceof InvalidBearerTokenException)
				? "Bearer error=\"invalid_token\"" : "Bearer";
		return this.problems.handle(exchange, new ProblemException(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED,
				"Unauthorized", detail, List.of(), Map.of(HttpHeaders.WWW_AUTHENTICATE, challenge)));
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		return this.problems.handle(exchange, ProblemException.forbidden("This call is not open to you."));
	}

}
