-- Ticket import: an external id per imported ticket (re-uploading a file imports nothing
-- twice), and the import jobs with their rejected rows.

alter table tickets add column external_id text check (length(external_id) <= 200);
-- unique per tenant; NULLs (tickets raised in Deskflow) are distinct
create unique index tickets_external_id_key on tickets (tenant_id, external_id);

create table import_jobs (
    id          uuid primary key,
    tenant_id   uuid not null references tenants,
    created_by  uuid not null references users,
    layout      text not null,
    status      text not null check (status in ('RUNNING', 'SUCCEEDED', 'FAILED')),
    rows_read   bigint not null default 0,
    accepted    bigint not null default 0,
    duplicates  bigint not null default 0,
    rejected    bigint not null default 0,
    failure     text,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    finished_at timestamptz
);
create index import_jobs_tenant_idx on import_jobs (tenant_id, created_at desc);

create table import_rejections (
    job_id      uuid not null references import_jobs on delete cascade,
    tenant_id   uuid not null references tenants,
    line        bigint not null,
    external_id text,
    reason      text not null,
    primary key (job_id, line)
);

grant select, insert, update on import_jobs, import_rejections to deskflow_ticket_tenant;
alter table import_jobs enable row level security;
alter table import_rejections enable row level security;
create policy import_jobs_tenant on import_jobs to deskflow_ticket_tenant
    using (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid);
create policy import_rejections_tenant on import_rejections to deskflow_ticket_tenant
    using (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid);
