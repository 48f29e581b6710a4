/**
 * Service-level agreements: tenant business calendars, SLA policies, each ticket's
 * first-response and resolution clocks, and the scheduler that warns before and reports
 * breaches (through the outbox) and escalates them.
 */
package dev.deskflow.ticket.sla;
