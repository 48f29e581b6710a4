/**
 * CSV export of any ticket list, streamed.
 */
package dev.deskflow.ticket.export;
