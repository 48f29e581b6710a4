-- A version of each tenant's rules (SLA policies, the business calendar, triggers), bumped
-- in the transaction of every change to them. Every tenant-bound transaction reads it with
-- its tenant binding, so ticket-service may keep the rules of a tenant in memory and still
-- use exactly what is committed: a cached copy is used only at the version it was read at
-- (TenantRules). Several replicas each keep their own copy; the version keeps them exact.
alter table tenants add column rules_version bigint not null default 0;

-- Runs as the owner: the tenant role that changes a rule may not update tenants.
create function bump_tenant_rules_version() returns trigger
    language plpgsql security definer set search_path from current as $$
begin
    update tenants set rules_version = rules_version + 1
        where id = case when tg_op = 'DELETE' then old.tenant_id else new.tenant_id end;
    return null;
end $$;
revoke all on function bump_tenant_rules_version() from public;

create trigger sla_policies_rules_version after insert or update or delete on sla_policies
    for each row execute function bump_tenant_rules_version();
create trigger sla_calendars_rules_version after insert or update or delete on sla_calendars
    for each row execute function bump_tenant_rules_version();
create trigger triggers_rules_version after insert or update or delete on triggers
    for each row execute function bump_tenant_rules_version();
