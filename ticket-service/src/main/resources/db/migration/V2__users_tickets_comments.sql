-- Users, tickets and their conversation. Every row carries tenant_id; row-level security
-- keyed on it comes with the next migration.

create table users (
    id            uuid primary key,
    tenant_id     uuid not null references tenants,
    email         text not null check (length(email) between 3 and 320),
    name          text not null check (length(name) between 1 and 200),
    password_hash text not null,
    role          text not null check (role in ('CUSTOMER', 'AGENT', 'ADMIN')),
    active        boolean not null default true,
    created_at    timestamptz not null default now()
);

-- Log-in looks a user up by tenant and e-mail, whatever case it was typed in.
create unique index users_tenant_email_key on users (tenant_id, lower(email));

create table tickets (
    id                 uuid primary key,
    tenant_id          uuid not null references tenants,
    subject            text not null check (length(subject) between 1 and 500),
    description        text not null,
    status             text not null check (status in ('NEW', 'OPEN', 'PENDING', 'SOLVED', 'CLOSED')),
    priority           text not null check (priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    category           text,
    tags               text[] not null default '{}',
    requester_id       uuid not null references users,
    assignee_id        uuid references users,
    channel            text not null check (channel in ('WEB', 'EMAIL', 'API', 'IMPORT')),
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    first_responded_at timestamptz,
    solved_at          timestamptz,
    -- optimistic concurrency: the ETag of a ticket, checked by If-Match on every write
    version            bigint not null default 0
);

-- The agents' queue: a tenant's tickets by status, newest first, keyset-paginated on (created_at, id).
create index tickets_queue_idx on tickets (tenant_id, status, created_at desc, id);
-- A customer's own tickets.
create index tickets_requester_idx on tickets (tenant_id, requester_id, created_at desc);
-- An agent's assigned work.
create index tickets_assignee_idx on tickets (tenant_id, assignee_id, status);

create table comments (
    id         uuid primary key,
    tenant_id  uuid not null references tenants,
    ticket_id  uuid not null references tickets on delete cascade,
    author_id  uuid not null references users,
    body       text not null,
    -- internal notes are seen by agents and admins only, never by the requester
    internal   boolean not null default false,
    created_at timestamptz not null
);

-- A ticket's conversation in order.
create index comments_ticket_idx on comments (tenant_id, ticket_id, created_at);
