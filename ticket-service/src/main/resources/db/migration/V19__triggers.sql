-- Triggers: "when a ticket is created/updated and matches conditions, do actions", in
-- position order, each at most once per ticket change. Row-level security as in V5.

create table triggers (
    id         uuid primary key,
    tenant_id  uuid not null references tenants,
    name       text not null check (length(name) between 1 and 100),
    event      text not null check (event in ('CREATED', 'UPDATED', 'CREATED_OR_UPDATED')),
    active     boolean not null,
    position   integer not null,
    conditions jsonb not null,
    actions    jsonb not null,
    created_at timestamptz not null,
    updated_at timestamptz not null
);
create unique index triggers_name_key on triggers (tenant_id, lower(name));
create index triggers_order_idx on triggers (tenant_id, position, id) where active;

grant select, insert, update, delete on triggers to deskflow_ticket_tenant;
alter table triggers enable row level security;
create policy triggers_tenant on triggers to deskflow_ticket_tenant
    using (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid);
