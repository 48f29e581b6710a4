package dev.deskflow.support.problem;

import java.net.URI;
import java.util.List;
import java.util.Map;

import dev.deskflow.common.problem.FieldError;
import dev.deskflow.common.problem.ProblemTypes;

import org.springframework.http.HttpStatus;

/**
 * A failure meant for the client: answered as RFC 9457 problem+json with a stable
 * {@code type} by {@link ProblemWebExceptionHandler}. Throw it (or return it in a
 * {@code Mono.error}) from any handler, filter or service.
 */
public class ProblemException extends RuntimeException {

	private final HttpStatus status;

	private final URI type;

	private final String title;

	private final List<FieldError> errors;

	private final Map<String, String> headers;

	/**
	 * @param status the HTTP status
	 * @param type the problem type, one of {@link ProblemTypes}
	 * @param title a short, stable summary of the problem type
	 * @param detail what went wrong in this occurrence, in words a user understands
	 * @param errors the rejected fields, if any
	 * @param headers response headers to add (for example {@code Retry-After})
	 */
	public ProblemException(HttpStatus status, URI type, String title, String detail, List<FieldError> errors,
			Map<String, String> headers) {
		super(detail);
		this.status = status;
		this.type = type;
		this.title = title;
		this.errors = List.copyOf(errors);
		this.headers = Map.copyOf(headers);
	}

	/**
	 * @param what the thing that was not found, for example {@code "Ticket 0193…"}
	 * @return a 404; also what a read of another tenant's or customer's resource gets
	 */
	public static ProblemException notFound(String what) {
		return new ProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", what + " was not found.",
				List.of(), Map.of());
	}

	/**
	 * @param detail what was wrong
	 * @param errors the rejected fields
	 * @return a 400
	 */
	public static ProblemException invalid(String detail, List<FieldError> errors) {
		return new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request", detail, errors,
				Map.of());
	}

	/**
	 * @param detail why the write conflicts
	 * @return a 409
	 */
	public static ProblemException conflict(String detail) {
		return new ProblemException(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict", detail, List.of(),
				Map.of());
	}

	/**
	 * @param detail why access is refused
	 * @return a 403
	 */
	public static ProblemException forbidden(String detail) {
		return new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", detail, List.of(),
				Map.of());
	}

	/**
	 * @param detail what the client must do
	 * @return a 401
	 */
	public static ProblemException unauthorized(String detail) {
		return new ProblemException(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "Unauthorized", detail,
				List.of(), Map.of("WWW-Authenticate", "Bearer"));
	}

	/**
	 * @param detail which version the client had
	 * @return a 412
	 */
	public static ProblemException preconditionFailed(String detail) {
		return new ProblemException(HttpStatus.PRECONDITION_FAILED, ProblemTypes.PRECONDITION_FAILED,
				"Precondition failed", detail, List.of(), Map.of());
	}

	/**
	 * @return a 428: the write needs {@code If-Match}
	 */
	public static ProblemException preconditionRequired() {
		return new ProblemException(HttpStatus.PRECONDITION_REQUIRED, ProblemTypes.PRECONDITION_REQUIRED,
				"Precondition required", "This write needs an If-Match header with the ETag of the version you read.",
				List.of(), Map.of());
	}

	/**
	 * @param retryAfterSeconds when the client may try again
	 * @param detail which limit was hit
	 * @return a 429 with {@code Retry-After}
	 */
	public static ProblemException rateLimited(long retryAfterSeconds, String detail) {
		return new ProblemException(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.RATE_LIMITED, "Too many requests",
				detail, List.of(), Map.of("Retry-After", Long.toString(retryAfterSeconds)));
	}

	public HttpStatus status() {
		return this.status;
	}

	public URI type() {
		return this.type;
	}

	public String title() {
		return this.title;
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	public Map<String, String> headers() {
		return this.headers;
	}

}
