/**
 * Macros: saved actions (set fields, add or remove tags, move to a group, add a reply or
 * internal note from a template with placeholders) an agent applies to a ticket in one
 * call. Also the ticket actions triggers share.
 */
package dev.deskflow.ticket.macro;
