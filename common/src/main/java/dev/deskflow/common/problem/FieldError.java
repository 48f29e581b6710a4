package dev.deskflow.common.problem;

import java.util.Objects;

/**
 * One rejected input field of a {@link ProblemTypes#VALIDATION validation} problem.
 *
 * @param field the field's path in the request, for example {@code subject} or
 * {@code tags[2]}
 * @param message why the value was rejected, readable by an end user
 */
public record FieldError(String field, String message) {

	/**
	 * Checks that both parts are present.
	 * @param field the field's path in the request
	 * @param message why the value was rejected
	 */
	public FieldError {
		Objects.requireNonNull(field, "field");
		Objects.requireNonNull(message, "message");
	}

}
