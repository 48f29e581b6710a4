-- Row-level security: the backstop of every query's tenant predicate (DESIGN, decision 006).
-- Tenant work runs in transactions that assume deskflow_ai_tenant and set deskflow.tenant_id
-- (TenantTransactions); these policies then hide every other tenant's rows, even from a
-- statement without its tenant_id predicate. The login role (superuser locally, the tables'
-- owner in production) is not subject to them: Flyway and the parking of unreadable records
-- run as it.
do $$
begin
    if not exists (select from pg_roles where rolname = 'deskflow_ai_tenant') then
        create role deskflow_ai_tenant nologin;
    end if;
    if not (select rolsuper from pg_roles where rolname = current_user) then
        execute format('grant deskflow_ai_tenant to %I', current_user);
    end if;
end
$$;
grant usage on schema public to deskflow_ai_tenant;
grant select, insert on processed_events to deskflow_ai_tenant;
grant select, insert, update on documents, model_versions, training_jobs to deskflow_ai_tenant;
grant select, insert on feedback to deskflow_ai_tenant;

alter table processed_events enable row level security;
alter table documents enable row level security;
alter table feedback enable row level security;
alter table model_versions enable row level security;
alter table training_jobs enable row level security;
create policy processed_events_tenant on processed_events to deskflow_ai_tenant
    using (tenant_id = current_setting('deskflow.tenant_id', true))
    with check (tenant_id = current_setting('deskflow.tenant_id', true));
create policy documents_tenant on documents to deskflow_ai_tenant
    using (tenant_id = current_setting('deskflow.tenant_id', true))
    with check (tenant_id = current_setting('deskflow.tenant_id', true));
create policy feedback_tenant on feedback to deskflow_ai_tenant
    using (tenant_id = current_setting('deskflow.tenant_id', true))
    with check (tenant_id = current_setting('deskflow.tenant_id', true));
create policy model_versions_tenant on model_versions to deskflow_ai_tenant
    using (tenant_id = current_setting('deskflow.tenant_id', true))
    with check (tenant_id = current_setting('deskflow.tenant_id', true));
create policy training_jobs_tenant on training_jobs to deskflow_ai_tenant
    using (tenant_id = current_setting('deskflow.tenant_id', true))
    with check (tenant_id = current_setting('deskflow.tenant_id', true));
