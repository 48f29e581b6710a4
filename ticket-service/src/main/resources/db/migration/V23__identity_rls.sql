-- Row-level security on users and refresh tokens (the V5 backstop, extended to identity).
-- Identity work whose tenant is known (an admin's user management, a sign-up, a tenant's
-- first admin, issuing and revoking refresh tokens) runs in a tenant-bound transaction as
-- deskflow_ticket_tenant, so a query that forgot its tenant predicate still sees only that
-- tenant's users and tokens. The lookups that find the tenant in the first place (log-in by
-- tenant slug and e-mail, refresh and log-out by the token's hash) run as the owner:
-- before the credential is checked there is no tenant to bind.
grant insert, update on users to deskflow_ticket_tenant;
grant select, insert, update on refresh_tokens to deskflow_ticket_tenant;

alter table users enable row level security;
alter table refresh_tokens enable row level security;
create policy users_tenant on users to deskflow_ticket_tenant
    using (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid);
create policy refresh_tokens_tenant on refresh_tokens to deskflow_ticket_tenant
    using (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid);
