package dev.deskflow.ticket.identity;

import java.net.URI;
import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * What only the platform operator may do, authenticated by the operator token (see
 * {@link OperatorAuthentication}): create tenants, rotate the token signing key.
 */
@RestController
@Tag(name = "operator", description = "Platform operator: tenants and signing keys")
@SecurityRequirement(name = OpenApiConfiguration.OPERATOR)
class OperatorController {

	private final CreateTenant createTenant;

	private final SigningKeys signingKeys;

	OperatorController(CreateTenant createTenant, SigningKeys signingKeys) {
		this.createTenant = createTenant;
		this.signingKeys = signingKeys;
	}

	@PostMapping("/api/admin/tenants")
	@Operation(summary = "Create a tenant and its first admin")
	Mono<ResponseEntity<AuthController.TenantView>> createTenant(
			@Valid @RequestBody AuthController.NewTenantRequest request) {
		return create(this.createTenant, request);
	}

	@PostMapping("/api/admin/signing-keys")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Rotate the token signing key",
			description = "Adds a new key that signs from now on; the previous one stays in the JWKS until its tokens expired.")
	Mono<KeyView> rotateSigningKey() {
		return this.signingKeys.rotate().map((key) -> new KeyView(key.kid(), key.createdAt()));
	}

	static Mono<ResponseEntity<AuthController.TenantView>> create(CreateTenant createTenant,
			AuthController.NewTenantRequest request) {
		return createTenant
			.create(request.slug(), request.name(), request.admin().email(), request.admin().name(),
					request.admin().password())
			.map((created) -> ResponseEntity.created(URI.create("/api/admin/tenants/" + created.tenant().slug()))
				.body(new AuthController.TenantView(created.tenant().id(), created.tenant().slug(),
						created.tenant().name(), created.admin().view())));
	}

	/**
	 * @param kid the new key's id, in the {@code kid} header of the tokens it signs
	 * @param createdAt when it was created
	 */
	record KeyView(String kid, Instant createdAt) {
	}

}
