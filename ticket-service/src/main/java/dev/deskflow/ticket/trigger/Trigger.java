package dev.deskflow.ticket.trigger;

import java.time.Instant;
import java.util.UUID;

import dev.deskflow.ticket.macro.TicketActions;

/**
 * A tenant's rule: when a ticket write of {@code event} leaves the ticket matching
 * {@code conditions}, apply {@code actions}.
 *
 * @param id the trigger
 * @param tenantId its tenant
 * @param name its name, unique in the tenant whatever the case
 * @param event the writes it reacts to
 * @param active whether it runs
 * @param position its place in the order triggers run in (lowest first)
 * @param conditions what the ticket must match
 * @param actions what it changes
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
record Trigger(UUID id, UUID tenantId, String name, TriggerEvent event, boolean active, int position,
		TriggerConditions conditions, TicketActions actions, Instant createdAt, Instant updatedAt) {
}
