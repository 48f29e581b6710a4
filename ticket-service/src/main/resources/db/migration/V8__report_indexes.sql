-- Admin reports (dev.deskflow.ticket.report) read a tenant's tickets by creation or
-- solution time within a date range; these keep them on index range scans at a million
-- tickets per tenant. The covering columns let the breakdown, times and volume reports
-- answer from the index alone (index-only scans once the visibility map is set).
create index tickets_report_created_idx on tickets (tenant_id, created_at)
    include (status, priority, category, channel, first_responded_at, solved_at, assignee_id);
create index tickets_report_solved_idx on tickets (tenant_id, solved_at) include (created_at, assignee_id)
    where solved_at is not null;
-- The backlog and agent workload read the open tickets only.
create index tickets_report_open_idx on tickets (tenant_id, created_at) include (assignee_id)
    where status in ('NEW', 'OPEN', 'PENDING');
