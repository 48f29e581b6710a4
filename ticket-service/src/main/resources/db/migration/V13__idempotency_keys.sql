-- Idempotency-Key of a create (POST): the first request with a key claims it and records
-- what it created; a retry with the same key gets that resource back instead of a second
-- one. Keys are per tenant and user, kept for a day (pruned by IdempotencyKeys).
create table idempotency_keys (
    tenant_id    uuid not null references tenants (id) on delete cascade,
    user_id      uuid not null,
    idem_key     text not null check (length(idem_key) between 1 and 100),
    scope        text not null,
    request_hash text not null,
    resource_id  uuid,
    created_at   timestamptz not null default now(),
    primary key (tenant_id, user_id, idem_key)
);
create index idempotency_keys_created_idx on idempotency_keys (created_at);

grant select, insert, update on idempotency_keys to deskflow_ticket_tenant;
alter table idempotency_keys enable row level security;
create policy idempotency_keys_tenant on idempotency_keys to deskflow_ticket_tenant
    using (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid);
