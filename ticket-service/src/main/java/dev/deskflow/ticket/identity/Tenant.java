package dev.deskflow.ticket.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant: one helpdesk.
 *
 * @param id the id, the key of the tenant's rows
 * @param slug the immutable slug, in tokens, events, keys and logs
 * @param name the display name
 * @param createdAt when the tenant was created
 */
record Tenant(UUID id, String slug, String name, Instant createdAt) {
}
