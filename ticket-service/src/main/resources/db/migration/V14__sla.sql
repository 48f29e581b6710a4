-- SLA: a tenant's business calendar, its SLA policies, and each ticket's SLA clocks
-- (dev.deskflow.ticket.sla). Row-level security as in V5.

-- One calendar per tenant; a tenant without one counts every moment (24x7).
create table sla_calendars (
    tenant_id  uuid primary key references tenants,
    zone       text not null,                 -- IANA time zone
    hours      jsonb not null,                -- {"MONDAY": ["09:00-17:00"], ...}
    holidays   date[] not null default '{}',
    updated_at timestamptz not null
);

create table sla_policies (
    id                     uuid primary key,
    tenant_id              uuid not null references tenants,
    name                   text not null check (length(name) between 1 and 100),
    position               integer not null check (position between 0 and 10000),
    priorities             text[] not null check (cardinality(priorities) > 0),
    category               text check (length(category) <= 100),
    tags                   text[] not null default '{}',
    first_response_minutes integer check (first_response_minutes > 0),
    resolution_minutes     integer check (resolution_minutes > 0),
    at_risk_minutes        integer not null check (at_risk_minutes > 0),
    raise_priority         boolean not null default false,
    escalate_assignee_id   uuid references users,
    escalate_unassign      boolean not null default false,
    created_by             uuid not null references users,
    updated_at             timestamptz not null,
    -- one precedence per place: two policies never tie for a ticket
    constraint sla_policies_position_key unique (tenant_id, position),
    check (first_response_minutes is not null or resolution_minutes is not null)
);

-- A ticket's clock per target. due_at = business_start + target + paused business time;
-- next_check_at is when the scheduler must look at it (at-risk time, then due time), null
-- while the clock is halted or has nothing left to report.
create table sla_clocks (
    tenant_id           uuid not null references tenants,
    ticket_id           uuid not null references tickets on delete cascade,
    target              text not null check (target in ('FIRST_RESPONSE', 'RESOLUTION')),
    policy_id           uuid not null references sla_policies on delete cascade,
    started_at          timestamptz not null,
    paused_millis       bigint not null default 0,  -- business time spent halted, added to due_at
    state               text not null check (state in ('RUNNING', 'PAUSED', 'STOPPED')),
    halted_at           timestamptz,                -- since when PAUSED or STOPPED
    due_at              timestamptz not null,
    at_risk_at          timestamptz not null,
    at_risk_notified_at timestamptz,                -- sla.at-risk written (once)
    breached_at         timestamptz,                -- sla.breached written (once)
    next_check_at       timestamptz,
    primary key (tenant_id, ticket_id, target)
);
-- The scheduler's scan: the clocks whose next check is due, across tenants, earliest first.
create index sla_clocks_next_check_idx on sla_clocks (next_check_at) where next_check_at is not null;
create index sla_clocks_policy_idx on sla_clocks (policy_id);

grant select, insert, update, delete on sla_calendars, sla_policies, sla_clocks to deskflow_ticket_tenant;
alter table sla_calendars enable row level security;
alter table sla_policies enable row level security;
alter table sla_clocks enable row level security;
create policy sla_calendars_tenant on sla_calendars to deskflow_ticket_tenant
    using (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid);
create policy sla_policies_tenant on sla_policies to deskflow_ticket_tenant
    using (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid);
create policy sla_clocks_tenant on sla_clocks to deskflow_ticket_tenant
    using (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid);
