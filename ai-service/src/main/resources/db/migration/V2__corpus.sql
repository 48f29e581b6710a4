-- Each tenant's corpus, fed only by ticket-service's events. Public text only: internal
-- notes never reach this table. The tenant is the events' tenant slug.
create table documents (
    tenant_id        text not null,
    id               uuid not null,
    kind             text not null check (kind in ('TICKET', 'ARTICLE')),
    requester_id     uuid,
    title            text not null,
    body             text not null,
    -- public replies, oldest first, one per line block
    replies          text not null default '',
    -- the latest public reply by staff: what becomes the resolution when the ticket is solved
    last_staff_reply text,
    status           text,
    resolution       text,
    category         text,
    priority         text,
    updated_at       timestamptz not null default now(),
    primary key (tenant_id, id)
);
create index documents_retrievable_idx on documents (tenant_id, kind, status);

-- Records a consumer could not apply even after retries (malformed or impossible events),
-- so that the partition moves on and an operator can look at them.
create table parked_events (
    id            bigserial primary key,
    topic         text not null,
    partition_no  int not null,
    record_offset bigint not null,
    record_key    text,
    payload       text,
    error         text not null,
    parked_at     timestamptz not null default now()
);

-- Helpful / not helpful on one recommended ticket or article.
create table feedback (
    id         uuid primary key,
    tenant_id  text not null,
    user_id    uuid not null,
    ticket_id  uuid,
    item_kind  text not null check (item_kind in ('TICKET', 'ARTICLE')),
    item_id    uuid not null,
    helpful    boolean not null,
    created_at timestamptz not null default now()
);
create index feedback_item_idx on feedback (tenant_id, item_id);
