package dev.deskflow.support.problem;

import java.util.List;
import java.util.Map;

import dev.deskflow.common.problem.FieldError;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses a query parameter holding a NUL character with 400 before any endpoint runs. No
 * text column can store one, and an endpoint that streams its answer (a CSV export) would
 * otherwise fail after its headers were sent, cutting the download short instead of
 * answering with a problem.
 */
class NulCharacterFilter implements WebFilter, Ordered {

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		for (Map.Entry<String, List<String>> parameter : exchange.getRequest().getQueryParams().entrySet()) {
			boolean nul = parameter.getKey().indexOf('\u0000') >= 0
					|| parameter.getValue().stream().anyMatch((value) -> value != null && value.indexOf('\u0000') >= 0);
			if (nul) {
				String name = parameter.getKey().replace('\u0000', '?');
				return Mono.error(ProblemException.invalid("A query parameter contains a NUL character.",
						List.of(new FieldError(name, "must not contain a NUL character"))));
			}
		}
		return chain.filter(exchange);
	}

}
