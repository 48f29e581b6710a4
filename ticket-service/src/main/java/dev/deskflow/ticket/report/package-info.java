/**
 * Admin reports over a tenant's tickets: volume, breakdown, response and resolution
 * times, backlog age, per-agent workload and CSAT. Computed in SQL, cached briefly in
 * Redis per tenant and parameters.
 */
package dev.deskflow.ticket.report;
