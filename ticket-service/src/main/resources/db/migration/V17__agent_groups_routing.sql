-- Agent groups and automatic assignment (routing): a group's members, how it routes
-- (ROUND_ROBIN or LEAST_LOADED), how many open tickets each member may hold (capacity),
-- each agent's availability, and the group a ticket is assigned to. Row-level security as in V5.

create table agent_groups (
    id             uuid primary key,
    tenant_id      uuid not null references tenants,
    name           text not null check (length(name) between 1 and 100),
    routing        text not null check (routing in ('ROUND_ROBIN', 'LEAST_LOADED')),
    -- the most open (NEW, OPEN, PENDING) tickets a member may be assigned
    capacity       integer not null check (capacity between 1 and 1000),
    -- round robin continues after the member routing assigned last
    last_agent_id  uuid references users,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);
create unique index agent_groups_name_key on agent_groups (tenant_id, lower(name));

create table agent_group_members (
    tenant_id  uuid not null references tenants,
    group_id   uuid not null references agent_groups on delete cascade,
    agent_id   uuid not null references users,
    primary key (group_id, agent_id)
);
-- The groups an agent is in (routing when the agent's capacity frees).
create index agent_group_members_agent_idx on agent_group_members (tenant_id, agent_id);

-- An agent without a row is ONLINE.
create table agent_availability (
    agent_id   uuid primary key references users,
    tenant_id  uuid not null references tenants,
    status     text not null check (status in ('ONLINE', 'AWAY')),
    updated_at timestamptz not null
);

alter table tickets add column group_id uuid references agent_groups on delete set null;
-- A group's queue of tickets waiting for an agent.
create index tickets_group_waiting_idx on tickets (tenant_id, group_id, created_at, id)
    where assignee_id is null and status in ('NEW', 'OPEN', 'PENDING');

grant select, insert, update, delete on agent_groups, agent_group_members, agent_availability to deskflow_ticket_tenant;
alter table agent_groups enable row level security;
alter table agent_group_members enable row level security;
alter table agent_availability enable row level security;
create policy agent_groups_tenant on agent_groups to deskflow_ticket_tenant
    using (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid);
create policy agent_group_members_tenant on agent_group_members to deskflow_ticket_tenant
    using (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid);
create policy agent_availability_tenant on agent_availability to deskflow_ticket_tenant
    using (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid);
