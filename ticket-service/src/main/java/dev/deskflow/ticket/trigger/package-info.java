/**
 * Triggers: a tenant's ordered rules "when a ticket is created or updated and matches
 * these conditions, do these actions", run in the transaction of the write, each at most
 * once per change.
 */
package dev.deskflow.ticket.trigger;
