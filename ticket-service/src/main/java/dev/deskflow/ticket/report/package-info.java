/**
 * Admin reports over a tenant's tickets: volume, breakdown, response and resolution
 * times, backlog age, per-agent workload, CSAT and SLA attainment. Computed in SQL from a
 * rollup that triggers keep with append-only deltas and {@code RollupCompactor} folds
 * (migration V21), exact whatever the time zone; cached briefly in Redis per tenant and
 * parameters.
 */
package dev.deskflow.ticket.report;
