package dev.deskflow.support.security;

import java.net.URI;
import java.util.List;

import dev.deskflow.common.problem.ProblemDetailBody;
import dev.deskflow.common.problem.ProblemTypes;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers Spring Security's 401 and 403 as problem+json like every other error, with
 * {@code WWW-Authenticate} per RFC 6750. Why a token was refused is not told: it helps an
 * attacker more than a client.
 */
public class SecurityProblems implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

	private static final MediaType PROBLEM_JSON = MediaType.parseMediaType(ProblemTypes.MEDIA_TYPE);

	private final JsonMapper json;

	/**
	 * @param json the mapper that writes the problem body
	 */
	public SecurityProblems(JsonMapper json) {
		this.json = json;
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
		boolean sentToken = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
		exchange.getResponse()
			.getHeaders()
			.set(HttpHeaders.WWW_AUTHENTICATE, sentToken ? "Bearer error=\"invalid_token\"" : "Bearer");
		return write(exchange, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "Unauthorized",
				sentToken ? "The access token is invalid or expired." : "This endpoint needs an access token.");
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
		return write(exchange, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden",
				"Your role does not allow this.");
	}

	private Mono<Void> write(ServerWebExchange exchange, HttpStatus status, URI type, String title, String detail) {
		ServerHttpResponse response = exchange.getResponse();
		ProblemDetailBody body = new ProblemDetailBody(type, title, status.value(), detail,
				URI.create(exchange.getRequest().getPath().value()), List.of(), exchange.getRequest().getId());
		response.setStatusCode(status);
		response.getHeaders().setContentType(PROBLEM_JSON);
		return response
			.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(this.json.writeValueAsBytes(body))));
	}

}
