package dev.deskflow.ai.corpus;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Event ids as UUIDs: the CloudEvents id when it is one (Deskflow's producers write
 * UUIDs), a name-based UUID of it otherwise; and ids derived from a source event, so that
 * a redelivered source event always yields the same derived event.
 */
public final class EventIds {

	private EventIds() {
	}

	/**
	 * @param id a CloudEvents id
	 * @return the id as a UUID
	 */
	public static UUID of(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			return UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8));
		}
	}

	/**
	 * @param type the derived event's type
	 * @param sourceEventId the id of the event it is derived from
	 * @return a name-based (version 3) UUID of both, the same on every call
	 */
	public static UUID derived(String type, String sourceEventId) {
		return UUID.nameUUIDFromBytes((type + "|" + sourceEventId).getBytes(StandardCharsets.UTF_8));
	}

}
