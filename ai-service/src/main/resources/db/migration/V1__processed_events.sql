-- ai-service's own database. Consumers are idempotent on the CloudEvents id: an event is
-- applied in the same transaction that records it here, and skipped when seen again.
create table processed_events (
    event_id     uuid primary key,
    tenant_id    text not null,
    event_type   text not null,
    processed_at timestamptz not null default now()
);
create index processed_events_tenant_idx on processed_events (tenant_id, processed_at);
