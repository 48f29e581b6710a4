/**
 * Customer satisfaction: the requester of a solved or closed ticket rates it once, good
 * or bad with an optional comment; the rating feeds the CSAT reports.
 */
package dev.deskflow.ticket.satisfaction;
