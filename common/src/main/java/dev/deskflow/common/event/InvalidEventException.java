package dev.deskflow.common.event;

/**
 * Thrown when a text is not a valid Deskflow CloudEvent: not JSON, a required attribute
 * missing or malformed, an unsupported {@code specversion}, or {@code data} that does not
 * match its type's record. Retrying will not help; consumers park such records for
 * inspection.
 */
public class InvalidEventException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param message what is wrong
	 */
	public InvalidEventException(String message) {
		super(message);
	}

	/**
	 * Creates the exception.
	 * @param message what is wrong
	 * @param cause the underlying failure
	 */
	public InvalidEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
