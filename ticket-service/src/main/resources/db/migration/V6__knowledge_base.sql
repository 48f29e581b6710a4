-- Knowledge base: articles (Markdown, draft or published), every edit kept as a version,
-- and the articles agents link to tickets. Row-level security as in V5.

create table kb_articles (
    id           uuid primary key,
    tenant_id    uuid not null references tenants,
    title        text not null check (length(title) between 1 and 300),
    body         text not null check (length(body) <= 100000),
    category     text check (length(category) <= 100),
    tags         text[] not null default '{}',
    status       text not null check (status in ('DRAFT', 'PUBLISHED')),
    author_id    uuid not null references users,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    published_at timestamptz,
    -- optimistic concurrency: the ETag of an article, checked by If-Match on every edit
    version      bigint not null default 0,
    search       tsvector generated always as (
        setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body), 'B')) stored
);
-- Lists are keyset-paginated on (updated_at, id), newest first; readers outside the staff
-- see published articles only, hence the status column second.
create index kb_articles_list_idx on kb_articles (tenant_id, status, updated_at desc, id desc);
create index kb_articles_updated_idx on kb_articles (tenant_id, updated_at desc, id desc);
create index kb_articles_search_idx on kb_articles using gin (search);
create index kb_articles_tags_idx on kb_articles using gin (tags);

-- Every saved state of an article, version 0 being the first.
create table kb_article_versions (
    tenant_id  uuid not null references tenants,
    article_id uuid not null references kb_articles on delete cascade,
    version    bigint not null,
    title      text not null,
    body       text not null,
    category   text,
    tags       text[] not null,
    status     text not null,
    editor_id  uuid not null references users,
    created_at timestamptz not null,
    primary key (article_id, version)
);

-- Articles an agent linked to a ticket as its answer or background.
create table ticket_articles (
    tenant_id  uuid not null references tenants,
    ticket_id  uuid not null references tickets on delete cascade,
    article_id uuid not null references kb_articles on delete cascade,
    linked_by  uuid not null references users,
    linked_at  timestamptz not null,
    primary key (ticket_id, article_id)
);
create index ticket_articles_article_idx on ticket_articles (tenant_id, article_id);

grant select, insert, update, delete on kb_articles, kb_article_versions, ticket_articles to deskflow_ticket_tenant;
alter table kb_articles enable row level security;
alter table kb_article_versions enable row level security;
alter table ticket_articles enable row level security;
create policy kb_articles_tenant on kb_articles to deskflow_ticket_tenant
    using (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid);
create policy kb_article_versions_tenant on kb_article_versions to deskflow_ticket_tenant
    using (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid);
create policy ticket_articles_tenant on ticket_articles to deskflow_ticket_tenant
    using (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid);
