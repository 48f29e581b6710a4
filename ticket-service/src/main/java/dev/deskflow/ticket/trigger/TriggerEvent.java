package dev.deskflow.ticket.trigger;

/** The ticket writes a trigger reacts to. */
enum TriggerEvent {

	/** A ticket was raised. */
	CREATED,

	/** A ticket was changed (fields, status, assignment, a reply). */
	UPDATED,

	/** Either. */
	CREATED_OR_UPDATED;

	boolean matches(boolean created) {
		return this == CREATED_OR_UPDATED || (this == CREATED) == created;
	}

}
