package dev.deskflow.gateway;

import dev.deskflow.common.problem.ProblemTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class SinglePageApplicationTest extends GatewayTestBase {

	@ParameterizedTest
	@ValueSource(
			strings = { "/", "/index.html", "/agent/queue", "/portal/tickets/0193f1c2-7d7e-7000-8000-000000000001" })
	void servesTheIndexPageForTheSpasRoutesWithoutAToken(String path) {
		this.web.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
			.expectHeader()
			.value("Content-Security-Policy", (csp) -> assertThat(csp).contains("script-src 'self'"))
			.expectBody(String.class)
			.isEqualTo(BuiltSpa.INDEX);
	}

	@Test
	void servesHashedAssetsWithALongCache() {
		this.web.get()
			.uri("/assets/index-3f2a.js")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value(HttpHeaders.CONTENT_TYPE, (type) -> assertThat(type).contains("javascript"))
			.expectHeader()
			.value(HttpHeaders.CACHE_CONTROL, (cache) -> assertThat(cache).contains("immutable", "max-age=31536000"))
			.expectBody(String.class)
			.isEqualTo(BuiltSpa.ASSET);
	}

	@Test
	void answersNotFoundForAMissingFile() {
		this.web.get().uri("/assets/missing.js").exchange().expectStatus().isNotFound();
	}

	// the security firewall refuses encoded or dotted segments before any lookup
	@ParameterizedTest
	@ValueSource(strings = { "/../secret.txt", "/assets/..%2F..%2Fsecret.txt", "/%2e%2e/secret.txt" })
	void neverServesAFileOutsideTheDirectory(String path) {
		this.web.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.value((body) -> assertThat(String.valueOf(body)).doesNotContain("outside the SPA"));
	}

	@Test
	void keepsTheApiBehindTokensEvenForUnknownPaths() {
		this.web.get()
			.uri("/api/nothing-here")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(ProblemTypes.UNAUTHORIZED.toString());
	}

}
