package dev.deskflow.common.event;

/**
 * Thrown when an event's {@code type} is not in {@link EventTypes}, typically one
 * published by a newer producer. Consumers usually skip such events rather than fail;
 * reading the {@link EventHeader} first avoids the exception altogether.
 */
public class UnknownEventTypeException extends RuntimeException {

	private final String type;

	/**
	 * Creates the exception.
	 * @param type the unknown type
	 */
	public UnknownEventTypeException(String type) {
		super("Unknown event type '" + type + "'; known types are " + EventTypes.types());
		this.type = type;
	}

	/**
	 * The type that is not registered.
	 * @return the unknown type
	 */
	public String getType() {
		return this.type;
	}

}
