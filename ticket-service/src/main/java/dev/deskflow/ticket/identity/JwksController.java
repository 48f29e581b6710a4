package dev.deskflow.ticket.identity;

import java.time.Duration;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public halves of the signing keys, for every component that verifies access tokens.
 */
@RestController
@Tag(name = "auth")
@SecurityRequirements
class JwksController {

	// Short, so that a shared cache cannot hide a new key for long; a verifier that meets
	// an unknown kid asks again anyway (decision 004).
	static final Duration MAX_AGE = Duration.ofMinutes(1);

	private final SigningKeys keys;

	JwksController(SigningKeys keys) {
		this.keys = keys;
	}

	@GetMapping(path = { "/.well-known/jwks.json", "/api/auth/jwks" }, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The JSON Web Key Set of the access tokens (public keys only)")
	Mono<ResponseEntity<Map<String, Object>>> jwks() {
		return this.keys.publishedKeys()
			.map((set) -> ResponseEntity.ok()
				.cacheControl(CacheControl.maxAge(MAX_AGE).cachePublic())
				.body(set.toJSONObject(true)));
	}

}
