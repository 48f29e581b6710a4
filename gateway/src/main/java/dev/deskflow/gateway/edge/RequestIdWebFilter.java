package dev.deskflow.gateway.edge;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request a correlation id: the client's {@code X-Request-Id} when it is a
 * plain token, a new UUID otherwise. The id is forwarded to the service, echoed on the
 * response, written in the access log and, as the request's id, in the {@code traceId} of
 * every problem body the gateway answers.
 */
@Component
class RequestIdWebFilter implements WebFilter, Ordered {

	static final String HEADER = "X-Request-Id";

	/** Anything else (log injection, megabyte ids) is replaced, not trusted. */
	private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		List<String> sent = exchange.getRequest().getHeaders().getValuesAsList(HEADER);
		boolean accepted = sent.size() == 1 && ACCEPTED.matcher(sent.get(0)).matches();
		String id = accepted ? sent.get(0) : UUID.randomUUID().toString();
		// the headers are copied only when the service must get another id than was sent
		ServerHttpRequest withId = accepted ? exchange.getRequest()
				: exchange.getRequest().mutate().headers((headers) -> headers.set(HEADER, id)).build();
		ServerHttpRequest request = new ServerHttpRequestDecorator(withId) {
			@Override
			public String getId() {
				return id;
			}
		};
		exchange.getResponse().beforeCommit(() -> {
			exchange.getResponse().getHeaders().set(HEADER, id);
			return Mono.empty();
		});
		return chain.filter(exchange.mutate().request(request).build());
	}

}
