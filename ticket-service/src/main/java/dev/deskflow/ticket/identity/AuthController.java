package dev.deskflow.ticket.identity;

import java.net.URI;
import java.util.UUID;

import dev.deskflow.support.problem.ProblemException;
import dev.deskflow.ticket.TicketProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The public log-in API: log in, refresh, log out, customer sign-up and, when switched
 * on, self-service tenant sign-up.
 */
@RestController
@Tag(name = "auth", description = "Log-in, tokens and sign-up")
@SecurityRequirements
class AuthController {

	static final String SLUG = "[a-z0-9][a-z0-9-]{1,62}";

	static final String SLUG_MESSAGE = "must be 2-63 characters of a-z, 0-9 and '-', starting with a letter or digit";

	private final LogIn logIn;

	private final RefreshSession refreshSession;

	private final LogOut logOut;

	private final SignUpCustomer signUpCustomer;

	private final CreateTenant createTenant;

	private final ClientAddress clientAddress;

	private final boolean selfServiceTenants;

	AuthController(LogIn logIn, RefreshSession refreshSession, LogOut logOut, SignUpCustomer signUpCustomer,
			CreateTenant createTenant, ClientAddress clientAddress, TicketProperties properties) {
		this.logIn = logIn;
		this.refreshSession = refreshSession;
		this.logOut = logOut;
		this.signUpCustomer = signUpCustomer;
		this.createTenant = createTenant;
		this.clientAddress = clientAddress;
		this.selfServiceTenants = properties.identity().selfServiceTenants();
	}

	@PostMapping("/api/auth/login")
	@Operation(summary = "Log in",
			description = "Answers an access token and a refresh token. A wrong tenant, e-mail or password answers 401; "
					+ "too many failures for the account or the address answer 429 with Retry-After.")
	Mono<TokenResponse> logIn(@Valid @RequestBody LoginRequest request, ServerWebExchange exchange) {
		return this.logIn.logIn(request.tenant(), request.email(), request.password(), this.clientAddress.of(exchange));
	}

	@PostMapping("/api/auth/refresh")
	@Operation(summary = "Rotate a refresh token",
			description = "Answers new tokens; the refresh token sent is used up. Sending a used one revokes its whole family.")
	Mono<TokenResponse> refresh(@Valid @RequestBody RefreshRequest request) {
		return this.refreshSession.refresh(request.refreshToken());
	}

	@PostMapping("/api/auth/logout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Log out", description = "Revokes the refresh token's family.")
	Mono<Void> logOut(@Valid @RequestBody RefreshRequest request) {
		return this.logOut.logOut(request.refreshToken());
	}

	@PostMapping("/api/auth/signup")
	@Operation(summary = "Sign up as a customer of a tenant")
	Mono<ResponseEntity<User.UserView>> signUp(@Valid @RequestBody SignupRequest request) {
		return this.signUpCustomer.signUp(request.tenant(), request.email(), request.password(), request.name())
			.map((user) -> ResponseEntity.created(URI.create("/api/admin/users/" + user.id())).body(user.view()));
	}

	@PostMapping("/api/auth/tenants")
	@Operation(summary = "Create a tenant and its first admin (self-service)",
			description = "Only when deskflow.ticket.identity.self-service-tenants is on; 404 otherwise.")
	Mono<ResponseEntity<TenantView>> signUpTenant(@Valid @RequestBody NewTenantRequest request) {
		if (!this.selfServiceTenants) {
			return Mono.error(ProblemException.notFound("Self-service tenant sign-up"));
		}
		return OperatorController.create(this.createTenant, request);
	}

	/**
	 * @param tenant the tenant's slug
	 * @param email the e-mail, in any case
	 * @param password the password
	 */
	record LoginRequest(@NotBlank @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String tenant,
			@NotBlank @Email @Size(max = 320) String email,
			@NotBlank @Size(max = Passwords.MAX_LENGTH) String password) {
	}

	/**
	 * @param refreshToken the refresh token of the last log-in or refresh
	 */
	record RefreshRequest(@NotBlank @Size(max = 128) String refreshToken) {
	}

	/**
	 * @param tenant the tenant's slug
	 * @param email the e-mail, in any case
	 * @param password 10 to 200 characters
	 * @param name the display name
	 */
	record SignupRequest(@NotBlank @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String tenant,
			@NotBlank @Email @Size(max = 320) String email,
			@NotNull @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH) String password,
			@NotBlank @Size(max = 200) String name) {
	}

	/**
	 * @param slug the new tenant's slug, immutable
	 * @param name its display name
	 * @param admin its first admin
	 */
	record NewTenantRequest(@NotBlank @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String slug,
			@NotBlank @Size(max = 200) String name, @NotNull @Valid NewAdmin admin) {
	}

	/**
	 * @param email the admin's e-mail
	 * @param name the admin's display name
	 * @param password 10 to 200 characters
	 */
	record NewAdmin(@NotBlank @Email @Size(max = 320) String email, @NotBlank @Size(max = 200) String name,
			@NotNull @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH) String password) {
	}

	/**
	 * @param id the tenant's id
	 * @param slug its slug
	 * @param name its name
	 * @param admin its first admin
	 */
	record TenantView(UUID id, String slug, String name, User.UserView admin) {
	}

}
