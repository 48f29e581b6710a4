-- Satisfaction: the requester's one rating of a solved (or closed) ticket.

create table ticket_ratings (
    ticket_id  uuid primary key references tickets on delete cascade, -- one rating per ticket
    tenant_id  uuid not null references tenants,
    rater_id   uuid not null references users,
    -- the assignee when the ticket was rated, so per-agent CSAT survives reassignment
    agent_id   uuid references users,
    score      text not null check (score in ('GOOD', 'BAD')),
    comment    text check (length(comment) <= 2000),
    rated_at   timestamptz not null
);
create index ticket_ratings_tenant_idx on ticket_ratings (tenant_id, rated_at);

grant select, insert on ticket_ratings to deskflow_ticket_tenant;
alter table ticket_ratings enable row level security;
create policy ticket_ratings_tenant on ticket_ratings to deskflow_ticket_tenant
    using (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid);
