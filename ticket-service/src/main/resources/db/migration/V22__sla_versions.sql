-- Optimistic concurrency on the SLA settings (dev.deskflow.ticket.sla): a policy's and a
-- calendar's version is their ETag; PUT and DELETE need If-Match with it.
alter table sla_policies add column version bigint not null default 0;
alter table sla_calendars add column version bigint not null default 0;
