-- Transactional outbox: every change writes its CloudEvent here in the same transaction;
-- OutboxRelay publishes the rows to Kafka in seq order and marks them sent.
create table outbox_events (
    seq         bigserial primary key,       -- publication order; same-ticket writes are serialised by the ticket's row lock
    event_id    uuid not null unique,        -- the CloudEvents id consumers de-duplicate on
    tenant      text not null,               -- tenant slug, for diagnostics
    topic       text not null,
    record_key  text not null,               -- Kafka key: the aggregate (ticket) id
    payload     text not null,               -- CloudEvents structured JSON
    created_at  timestamptz not null default now(),
    sent_at     timestamptz
);
create index outbox_events_unsent_idx on outbox_events (seq) where sent_at is null;
create index outbox_events_sent_idx on outbox_events (sent_at) where sent_at is not null;

-- Wake the relay at commit time instead of waiting for its next poll.
create function outbox_events_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('deskflow_outbox', '');
    return null;
end
$$;
create trigger outbox_events_notify after insert on outbox_events
    for each statement execute function outbox_events_notify();
