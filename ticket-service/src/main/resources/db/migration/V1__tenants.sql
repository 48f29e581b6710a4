-- Tenants: every other table of ticket-service carries tenant_id and references this one.
create table tenants (
    id         uuid primary key,
    slug       text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name       text not null check (length(name) between 1 and 200),
    created_at timestamptz not null default now()
);
