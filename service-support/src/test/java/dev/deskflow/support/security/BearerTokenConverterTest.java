package dev.deskflow.support.security;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The converter answers every {@code Authorization} header exactly as Spring Security's
 * own converter does: the same token, the same absence, the same malformed-token error.
 */
class BearerTokenConverterTest {

	private static final String JWT = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJ1MSJ9.c2lnbmF0dXJl-_~+/";

	@ParameterizedTest
	@ValueSource(strings = { "Bearer " + JWT, "bearer " + JWT, "BEARER " + JWT, "Bearer " + JWT + "==", "Bearer abc",
			"Bearer ", "Bearer", "Bearer  " + JWT, "Bearer " + JWT + " ", "Bearer a b", "Bearer ===", "Bearer ab=c",
			"Bearer ab==c=", "Bearer é", "Bearertoken", "Basic dXNlcjpwYXNz", "Digest x", "", " Bearer " + JWT,
			"Bearer\t" + JWT, "Bearer a,Bearer b" })
	void answersLikeSpringSecuritysConverter(String header) {
		assertThat(outcome(new BearerTokenConverter(), header))
			.isEqualTo(outcome(new ServerBearerTokenAuthenticationConverter(), header));
	}

	@Test
	void readsTheToken() {
		assertThat(outcome(new BearerTokenConverter(), "Bearer " + JWT)).isEqualTo(List.of("token", JWT));
	}

	@Test
	void noHeaderIsNoToken() {
		ServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/tickets"));
		assertThat(new BearerTokenConverter().convert(exchange).blockOptional()).isEmpty();
	}

	private static List<String> outcome(
			org.springframework.security.web.server.authentication.ServerAuthenticationConverter converter,
			String header) {
		ServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/api/tickets").header(HttpHeaders.AUTHORIZATION, header));
		return converter.convert(exchange)
			.map((Authentication authentication) -> List.of("token",
					((BearerTokenAuthenticationToken) authentication).getToken()))
			.onErrorResume((failure) -> Mono
				.just(List.of("error", failure.getClass().getName(), String.valueOf(failure.getMessage()))))
			.defaultIfEmpty(List.of("none"))
			.block();
	}

}
