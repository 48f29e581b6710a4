-- The model registry: one row per trained Word2Vec version of a tenant; at most one active.
create table model_versions (
    tenant_id    text not null,
    version      int not null,
    corpus_size  int not null,
    parameters   text not null,
    metrics      text not null,
    file         text not null,
    created_at   timestamptz not null default now(),
    active       boolean not null default false,
    activated_at timestamptz,
    primary key (tenant_id, version)
);
create unique index model_versions_one_active_idx on model_versions (tenant_id) where active;

-- Training jobs; one queued or running job per tenant at a time.
create table training_jobs (
    id            uuid primary key,
    tenant_id     text not null,
    status        text not null check (status in ('RUNNING', 'SUCCEEDED', 'REJECTED', 'FAILED')),
    progress      double precision not null default 0,
    message       text,
    model_version int,
    created_at    timestamptz not null default now(),
    finished_at   timestamptz
);
create unique index training_jobs_one_running_idx on training_jobs (tenant_id) where status = 'RUNNING';
