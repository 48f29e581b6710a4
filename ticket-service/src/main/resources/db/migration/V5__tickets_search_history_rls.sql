-- Tickets: channels as in common's TicketChannel, full-text search, audit history, and
-- row-level security as the backstop of every query's tenant predicate.

alter table tickets drop constraint tickets_channel_check;
alter table tickets add constraint tickets_channel_check
    check (channel in ('WEB', 'EMAIL', 'API', 'PHONE', 'IMPORT'));
alter table tickets add constraint tickets_category_length check (length(category) <= 100);

-- Full-text search over subject, description and public replies ('simple' configuration:
-- tenants write in many languages, and it neither stems nor drops words).
alter table tickets add column search tsvector generated always as (
    setweight(to_tsvector('simple', subject), 'A') || setweight(to_tsvector('simple', description), 'B')) stored;
create index tickets_search_idx on tickets using gin (search);
alter table comments add column search tsvector generated always as (
    case when internal then null else to_tsvector('simple', body) end) stored;
create index comments_search_idx on comments using gin (search) where not internal;
create index tickets_tags_idx on tickets using gin (tags);
create index tickets_tenant_created_idx on tickets (tenant_id, created_at desc, id desc);
create index tickets_tenant_updated_idx on tickets (tenant_id, updated_at desc, id desc);

-- Who changed what, when. Entries about internal notes are flagged so customers never see them.
create table ticket_history (
    id         uuid primary key,
    tenant_id  uuid not null references tenants,
    ticket_id  uuid not null references tickets on delete cascade,
    actor_id   uuid not null references users,
    action     text not null,
    changes    jsonb not null default '{}',
    internal   boolean not null default false,
    created_at timestamptz not null
);
create index ticket_history_ticket_idx on ticket_history (tenant_id, ticket_id, created_at, id);

-- Row-level security. Requests run their transactions as deskflow_ticket_tenant with the
-- caller's tenant in the transaction setting deskflow.tenant_id (TenantTransactions); a query
-- that forgets its tenant predicate still sees only that tenant's rows. Superusers and the
-- owner (migrations, the demo seeder, identity) are not subject to it.
do $$
begin
    if not exists (select from pg_roles where rolname = 'deskflow_ticket_tenant') then
        create role deskflow_ticket_tenant nologin;
    end if;
    if not (select rolsuper from pg_roles where rolname = current_user) then
        execute format('grant deskflow_ticket_tenant to %I', current_user);
    end if;
end
$$;
grant usage on schema public to deskflow_ticket_tenant;
grant select on tenants, users to deskflow_ticket_tenant;
grant select, insert, update, delete on tickets, comments, ticket_history to deskflow_ticket_tenant;
grant insert on outbox_events to deskflow_ticket_tenant;
grant usage on sequence outbox_events_seq_seq to deskflow_ticket_tenant;

alter table tickets enable row level security;
alter table comments enable row level security;
alter table ticket_history enable row level security;
create policy tickets_tenant on tickets to deskflow_ticket_tenant
    using (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid);
create policy comments_tenant on comments to deskflow_ticket_tenant
    using (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid);
create policy ticket_history_tenant on ticket_history to deskflow_ticket_tenant
    using (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid);
