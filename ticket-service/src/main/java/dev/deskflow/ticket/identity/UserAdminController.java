package dev.deskflow.ticket.identity;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import dev.deskflow.common.problem.FieldError;
import dev.deskflow.common.tenant.Role;
import dev.deskflow.support.problem.ProblemException;
import dev.deskflow.ticket.tenancy.TenantTransactions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A tenant's users, for its admins (agents may create customers). Always the caller's own
 * tenant: another tenant's user is not found (404).
 */
@RestController
@Tag(name = "users", description = "The tenant's users (admins; agents may create customers)")
class UserAdminController {

	private static final String CURSOR_PREFIX = "u1:";

	private final UserRepository users;

	private final CreateUser createUser;

	private final ChangeUser changeUser;

	private final TenantTransactions transactions;

	UserAdminController(UserRepository users, CreateUser createUser, ChangeUser changeUser,
			TenantTransactions transactions) {
		this.transactions = transactions;
		this.users = users;
		this.createUser = createUser;
		this.changeUser = changeUser;
	}

	@GetMapping("/api/admin/users")
	@Operation(summary = "List the tenant's users",
			description = "In creation order, keyset-paginated: pass the nextCursor of a page as cursor for the next.")
	Mono<UserPage> list(@RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit,
			@RequestParam(required = false) @Size(max = 100) String cursor, @RequestParam(required = false) Role role,
			@RequestParam(required = false) Boolean active) {
		UUID after = (cursor != null) ? decode(cursor) : null;
		return Caller.current()
			.flatMap((caller) -> this.transactions.inTenant(caller.tenantId(),
					() -> this.users.page(caller.tenantId(), after, role, active, limit + 1).collectList()))
			.map((page) -> {
				boolean more = page.size() > limit;
				List<User> items = more ? page.subList(0, limit) : page;
				String next = more ? encode(items.get(items.size() - 1).id()) : null;
				return new UserPage(items.stream().map(User::view).toList(), next);
			});
	}

	@GetMapping("/api/admin/users/{id}")
	@Operation(summary = "Read a user of the tenant")
	Mono<User.UserView> read(@PathVariable UUID id) {
		return Caller.current()
			.flatMap((caller) -> this.transactions.inTenant(caller.tenantId(),
					() -> this.users.findById(caller.tenantId(), id)))
			.map(User::view)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("User " + id)));
	}

	@PostMapping("/api/admin/users")
	@Operation(summary = "Create a user of the tenant",
			description = "Admins create any role; agents create customers only.")
	Mono<ResponseEntity<User.UserView>> create(@Valid @RequestBody NewUserRequest request) {
		return Caller.current()
			.flatMap((caller) -> this.createUser.create(caller, request.email(), request.name(), request.role(),
					request.password()))
			.map((user) -> ResponseEntity.created(URI.create("/api/admin/users/" + user.id())).body(user.view()));
	}

	@PatchMapping("/api/admin/users/{id}")
	@Operation(summary = "Change a user's name, role or active flag",
			description = "Fields left out stay as they are; active=false ends the user's sessions.")
	Mono<User.UserView> change(@PathVariable UUID id, @Valid @RequestBody ChangeUserRequest request) {
		return Caller.current()
			.flatMap((caller) -> this.changeUser.change(caller, id, request.name(), request.role(), request.active()))
			.map(User::view);
	}

	private static String encode(UUID id) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((CURSOR_PREFIX + id).getBytes(StandardCharsets.US_ASCII));
	}

	private static UUID decode(String cursor) {
		try {
			String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
			if (!text.startsWith(CURSOR_PREFIX)) {
				throw new IllegalArgumentException("not a user cursor");
			}
			return UUID.fromString(text.substring(CURSOR_PREFIX.length()));
		}
		catch (IllegalArgumentException ex) {
			throw ProblemException.invalid("The cursor is not one this list returned.",
					List.of(new FieldError("cursor", "must be the nextCursor of a previous page")));
		}
	}

	/**
	 * @param items the users of this page
	 * @param nextCursor the cursor of the next page, or {@code null} on the last
	 */
	record UserPage(List<User.UserView> items, String nextCursor) {
	}

	/**
	 * @param email the log-in e-mail, in any case
	 * @param name the display name
	 * @param role the role
	 * @param password the initial password, 10 to 200 characters
	 */
	record NewUserRequest(@NotBlank @Email @Size(max = 320) String email, @NotBlank @Size(max = 200) String name,
			@NotNull Role role,
			@NotNull @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH) String password) {
	}

	/**
	 * @param name a new display name, or {@code null} to keep it
	 * @param role a new role, or {@code null} to keep it
	 * @param active {@code false} to deactivate, {@code true} to reactivate, or
	 * {@code null} to keep it
	 */
	record ChangeUserRequest(@Size(min = 1, max = 200) String name, Role role, Boolean active) {

		@AssertTrue(message = "must change at least one of name, role and active")
		boolean isAnyChange() {
			return this.name != null || this.role != null || this.active != null;
		}

	}

}
