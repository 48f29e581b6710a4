package dev.deskflow.common.problem;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail as Deskflow services send it and clients parse it: the five
 * standard members plus two extension members, {@code errors} and {@code traceId}.
 * <p>
 * Every member is optional on the wire, as the RFC allows: absent members are left out of
 * the JSON rather than written as {@code null}, an absent {@code type} means
 * {@code about:blank}, and members this record does not know are ignored so that servers
 * may add extensions without breaking clients.
 *
 * @param type identifies the kind of problem; one of {@link ProblemTypes} for Deskflow's
 * own errors
 * @param title a short human-readable summary of the type
 * @param status the HTTP status code, or {@code null} if absent
 * @param detail a human-readable explanation of this occurrence
 * @param instance identifies this occurrence, usually the request path
 * @param errors the rejected fields of a validation problem; empty otherwise, never
 * {@code null}
 * @param traceId the trace id of the failed request, for support and log correlation
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProblemDetailBody(URI type, String title, Integer status, String detail, URI instance,
		List<FieldError> errors, String traceId) {

	/**
	 * The type RFC 9457 assumes when a problem has none.
	 */
	public static final URI ABOUT_BLANK = URI.create("about:blank");

	/**
	 * Applies the RFC's defaults: an absent {@code type} becomes {@code about:blank} and
	 * absent {@code errors} become an empty list.
	 * @param type identifies the kind of problem
	 * @param title a short human-readable summary of the type
	 * @param status the HTTP status code
	 * @param detail a human-readable explanation of this occurrence
	 * @param instance identifies this occurrence
	 * @param errors the rejected fields
	 * @param traceId the trace id of the failed request
	 */
	public ProblemDetailBody {
		type = (type != null) ? type : ABOUT_BLANK;
		errors = (errors != null) ? List.copyOf(errors) : List.of();
	}

	/**
	 * Creates a problem without an instance, field errors or trace id.
	 * @param type identifies the kind of problem
	 * @param title a short human-readable summary of the type
	 * @param status the HTTP status code
	 * @param detail a human-readable explanation of this occurrence
	 * @return the problem
	 */
	public static ProblemDetailBody of(URI type, String title, int status, String detail) {
		return new ProblemDetailBody(type, title, status, detail, null, List.of(), null);
	}

}
