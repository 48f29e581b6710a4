package dev.deskflow.common.problem;

import java.net.URI;

/**
 * Stable {@code type} URIs of Deskflow's problem details. Clients branch on these, never
 * on {@code title} or {@code detail}, which are human-readable and may change; a URI here
 * is therefore never renamed or reused for another meaning.
 * <p>
 * Every URI lives under {@value #BASE} and names the HTTP status it is sent with.
 */
public final class ProblemTypes {

	/**
	 * The media type of a problem detail response body.
	 */
	public static final String MEDIA_TYPE = "application/problem+json";

	/**
	 * The common prefix of every Deskflow problem type.
	 */
	public static final String BASE = "https://deskflow.dev/problems/";

	/**
	 * 400: the request is malformed or fails validation; {@code errors} lists the fields.
	 */
	public static final URI VALIDATION = type("validation");

	/**
	 * 404: the resource does not exist, or belongs to another tenant or another customer
	 * (reported the same way so that ids cannot be probed).
	 */
	public static final URI NOT_FOUND = type("not-found");

	/**
	 * 401: the request has no access token, or an invalid or expired one.
	 */
	public static final URI UNAUTHORIZED = type("unauthorized");

	/**
	 * 403: the caller is authenticated but their role does not allow the operation on a
	 * resource they may see.
	 */
	public static final URI FORBIDDEN = type("forbidden");

	/**
	 * 409: the write conflicts with the current state, for example a duplicate or an
	 * illegal status transition.
	 */
	public static final URI CONFLICT = type("conflict");

	/**
	 * 412: the {@code If-Match} precondition failed; the resource changed since it was
	 * read.
	 */
	public static final URI PRECONDITION_FAILED = type("precondition-failed");

	/**
	 * 428: the write needs an {@code If-Match} header carrying the version that was read.
	 */
	public static final URI PRECONDITION_REQUIRED = type("precondition-required");

	/**
	 * 405: the path exists but does not accept the method.
	 */
	public static final URI METHOD_NOT_ALLOWED = type("method-not-allowed");

	/**
	 * 415: the body's media type is not accepted (Deskflow's APIs take JSON).
	 */
	public static final URI UNSUPPORTED_MEDIA_TYPE = type("unsupported-media-type");

	/**
	 * 413: the request body exceeds the allowed size.
	 */
	public static final URI TOO_LARGE = type("too-large");

	/**
	 * 429: the tenant's or user's rate limit is exhausted; the response carries
	 * {@code Retry-After}.
	 */
	public static final URI RATE_LIMITED = type("rate-limited");

	/**
	 * 503: a dependency is unavailable or its circuit breaker is open; retrying later may
	 * succeed.
	 */
	public static final URI SERVICE_UNAVAILABLE = type("service-unavailable");

	/**
	 * 500: an unexpected error; the body carries the trace id, never a stack trace.
	 */
	public static final URI INTERNAL = type("internal");

	private ProblemTypes() {
	}

	private static URI type(String name) {
		return URI.create(BASE + name);
	}

}
