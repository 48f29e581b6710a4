-- Macros: saved actions an agent applies to a ticket in one call (field changes as JSON,
-- and an optional reply or internal note from a template). Row-level security as in V5.

create table macros (
    id             uuid primary key,
    tenant_id      uuid not null references tenants,
    name           text not null check (length(name) between 1 and 100),
    actions        jsonb not null,
    reply_template text check (length(reply_template) <= 20000),
    reply_internal boolean not null default false,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);
create unique index macros_name_key on macros (tenant_id, lower(name));

grant select, insert, update, delete on macros to deskflow_ticket_tenant;
alter table macros enable row level security;
create policy macros_tenant on macros to deskflow_ticket_tenant
    using (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid);
