/**
 * Import of historical tickets from CSV: uploaded, checked (encoding, header) before the
 * job starts, then read row by row in the background with each row validated, imported
 * atomically and idempotently on its external id, and every rejected row reported with
 * its reason.
 */
package dev.deskflow.ticket.importing;
