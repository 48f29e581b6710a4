package dev.deskflow.gateway.edge;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StripHeadersByPrefixGatewayFilterFactoryTest {

	final StripHeadersByPrefixGatewayFilterFactory factory = new StripHeadersByPrefixGatewayFilterFactory();

	@Test
	void removesEveryHeaderWithAConfiguredPrefixWhateverItsCase() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/tickets")
			.header("X-Tenant-Id", "globex")
			.header("x-tenant", "globex")
			.header("X-USER-ROLES", "ADMIN")
			.header(HttpHeaders.AUTHORIZATION, "Bearer token")
			.header("X-Tenantless", "kept"));
		ServerWebExchange forwarded = forwarded(exchange);

		HttpHeaders headers = forwarded.getRequest().getHeaders();
		assertThat(headers.headerNames()).containsExactlyInAnyOrder("x-tenant", HttpHeaders.AUTHORIZATION,
				"X-Tenantless");
	}

	@Test
	void passesARequestWithoutSuchHeadersOnAsItIs() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/tickets")
			.header(HttpHeaders.AUTHORIZATION, "Bearer token")
			.header("X-Tenantless", "kept"));
		ServerWebExchange forwarded = forwarded(exchange);

		assertThat(forwarded).isSameAs(exchange);
		assertThat(forwarded.getRequest().getHeaders().headerNames())
			.containsExactlyInAnyOrder(HttpHeaders.AUTHORIZATION, "X-Tenantless");
	}

	@Test
	void refusesAConfigWithoutPrefixes() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.factory.apply(new StripHeadersByPrefixGatewayFilterFactory.Config()));
	}

	/**
	 * @return the exchange the filter passes on, stripping {@code X-Tenant-} and
	 * {@code X-User-} headers
	 */
	private ServerWebExchange forwarded(MockServerWebExchange exchange) {
		AtomicReference<ServerWebExchange> forwarded = new AtomicReference<>();
		this.factory
			.apply(new StripHeadersByPrefixGatewayFilterFactory.Config().setPrefixes(List.of("X-Tenant-", "X-User-")))
			.filter(exchange, (next) -> {
				forwarded.set(next);
				return Mono.empty();
			})
			.as(StepVerifier::create)
			.verifyComplete();
		return forwarded.get();
	}

}
