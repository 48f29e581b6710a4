package dev.deskflow.ticket.macro;

import java.time.Instant;
import java.util.UUID;

/**
 * A saved set of actions.
 *
 * @param id the macro
 * @param tenantId its tenant
 * @param name its name, unique in the tenant whatever the case
 * @param actions the field changes
 * @param reply the reply or note it adds, or {@code null}
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
record Macro(UUID id, UUID tenantId, String name, TicketActions actions, Reply reply, Instant createdAt,
		Instant updatedAt) {

	/**
	 * A reply or internal note from a template.
	 *
	 * @param body the template
	 * @param internal whether it is an internal note (default: a public reply)
	 */
	record Reply(String body, Boolean internal) {

		boolean internalNote() {
			return Boolean.TRUE.equals(this.internal);
		}

	}

}
