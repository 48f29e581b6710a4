-- Report rollups (dev.deskflow.ticket.report): the admin reports sum pre-counted rows
-- instead of aggregating every ticket of their range.
--
-- Write path: statement triggers on tickets and ticket_ratings append one signed delta row
-- per changed row to report_deltas (-1 for the old values, +1 for the new): an insert, no
-- update of a shared counter, so concurrent writers of one tenant never wait on each other.
-- RollupCompactor folds the deltas into report_rollup every few seconds (one statement,
-- under an advisory lock, so any number of replicas may run it). A report reads
-- report_rollup + the deltas not yet folded, and reads the hours its range or day
-- boundaries cut (time zones such as Asia/Kolkata, ranges not aligned to hours) from
-- tickets and ticket_ratings directly: exact counts, whatever the time zone.
--
-- A delta or a ticket expands into measures (report_ticket_measures /
-- report_rating_measures), each counted per slot (the UTC hour or UTC day of its moment)
-- and key. Hourly where a report groups by days of any time zone, daily where reports only
-- total a range (fewer rows to sum; the two cut days at a range's ends are read directly):
--   created    hour of created_at, ''                        every ticket
--   status     day of created_at, status                     every ticket
--   category   day of created_at, category or '(none)'       every ticket
--   priority   day of created_at, priority                   every ticket
--   channel    day of created_at, channel                    every ticket
--   open       hour of created_at, ''                        NEW, OPEN, PENDING tickets
--   assigned   1970-01-01 (no time), assignee id             open tickets with an assignee
--   solved     hour of solved_at, ''                         solved tickets
--   solved_by  day of solved_at, assignee id or ''           solved tickets
--   response   day of created_at, duration bucket            responded tickets
--   resolution day of created_at, duration bucket            solved tickets
--   rated      day of rated_at, score ':' agent id or ''     ratings
-- Durations (first response, resolution) are counted in log-spaced buckets: bucket 0 is
-- under 1 s, bucket b >= 1 holds [1.05^(b-1), 1.05^b) seconds (DurationHistogram). The
-- functions are plain SQL that PostgreSQL inlines into the statements calling them, one
-- UNION ALL branch per measure, so a statement that wants some measures computes only
-- those (its measure filter removes the other branches when planning); the logarithm is
-- taken in double precision (numeric's costs ~5 us a call).

create function report_ticket_measures(p_created_at timestamptz, p_status text, p_category text, p_priority text,
        p_channel text, p_assignee_id uuid, p_first_responded_at timestamptz, p_solved_at timestamptz, p_n integer)
    returns table (measure text, slot timestamptz, at timestamptz, key text, n integer)
    language sql stable parallel safe as $$
    select 'created', date_trunc('hour', p_created_at, 'UTC'), p_created_at, '', p_n
    union all select 'status', date_trunc('day', p_created_at, 'UTC'), p_created_at, p_status, p_n
    union all select 'category', date_trunc('day', p_created_at, 'UTC'), p_created_at, coalesce(p_category, '(none)'), p_n
    union all select 'priority', date_trunc('day', p_created_at, 'UTC'), p_created_at, p_priority, p_n
    union all select 'channel', date_trunc('day', p_created_at, 'UTC'), p_created_at, p_channel, p_n
    union all select 'open', date_trunc('hour', p_created_at, 'UTC'), p_created_at, '', p_n
        where p_status in ('NEW', 'OPEN', 'PENDING')
    union all select 'assigned', timestamptz '1970-01-01 00:00:00+00', p_created_at, cast(p_assignee_id as text), p_n
        where p_status in ('NEW', 'OPEN', 'PENDING') and p_assignee_id is not null
    union all select 'solved', date_trunc('hour', p_solved_at, 'UTC'), p_solved_at, '', p_n
        where p_solved_at is not null
    union all select 'solved_by', date_trunc('day', p_solved_at, 'UTC'), p_solved_at,
        coalesce(cast(p_assignee_id as text), ''), p_n
        where p_solved_at is not null
    union all select 'response', date_trunc('day', p_created_at, 'UTC'), p_created_at,
        cast(case when p_first_responded_at - p_created_at < interval '1 second' then 0
             else 1 + floor(ln(cast(extract(epoch from p_first_responded_at - p_created_at) as double precision))
                 / ln(cast(1.05 as double precision))) end as text), p_n
        where p_first_responded_at is not null
    union all select 'resolution', date_trunc('day', p_created_at, 'UTC'), p_created_at,
        cast(case when p_solved_at - p_created_at < interval '1 second' then 0
             else 1 + floor(ln(cast(extract(epoch from p_solved_at - p_created_at) as double precision))
                 / ln(cast(1.05 as double precision))) end as text), p_n
        where p_solved_at is not null
$$;

create function report_rating_measures(p_rated_at timestamptz, p_score text, p_agent_id uuid, p_n integer)
    returns table (measure text, slot timestamptz, at timestamptz, key text, n integer)
    language sql stable parallel safe as $$
    select 'rated', date_trunc('day', p_rated_at, 'UTC'), p_rated_at,
           p_score || ':' || coalesce(cast(p_agent_id as text), ''), p_n
$$;

-- Folded counts. n may be 0 (a ticket that was open is closed) or, for a moment between
-- folds, below the truth; the reports add the deltas not folded yet.
create table report_rollup (
    tenant_id uuid not null references tenants,
    measure   text not null,
    slot      timestamptz not null,
    key       text not null,
    n         bigint not null,
    primary key (tenant_id, measure, slot, key) include (n)
);

-- Append-only; a row is either a ticket's reported columns (rated_at null) or a rating's.
create table report_deltas (
    id                 bigint generated always as identity primary key,
    tenant_id          uuid not null,
    sign               integer not null check (sign in (-1, 1)),
    created_at         timestamptz,
    status             text,
    category           text,
    priority           text,
    channel            text,
    assignee_id        uuid,
    first_responded_at timestamptz,
    solved_at          timestamptz,
    rated_at           timestamptz,
    score              text,
    agent_id           uuid
);
create index report_deltas_tenant_idx on report_deltas (tenant_id);

create function report_delta_measures(d report_deltas)
    returns table (measure text, slot timestamptz, at timestamptz, key text, n integer)
    language sql stable parallel safe as $$
    select * from report_ticket_measures(d.created_at, d.status, d.category, d.priority, d.channel, d.assignee_id,
        d.first_responded_at, d.solved_at, d.sign) where d.rated_at is null
    union all
    select * from report_rating_measures(d.rated_at, d.score, d.agent_id, d.sign) where d.rated_at is not null
$$;

create function report_ticket_deltas() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into report_deltas (tenant_id, sign, created_at, status, category, priority, channel, assignee_id,
            first_responded_at, solved_at)
        select tenant_id, 1, created_at, status, category, priority, channel, assignee_id, first_responded_at, solved_at
        from new_rows;
    elsif tg_op = 'DELETE' then
        insert into report_deltas (tenant_id, sign, created_at, status, category, priority, channel, assignee_id,
            first_responded_at, solved_at)
        select tenant_id, -1, created_at, status, category, priority, channel, assignee_id, first_responded_at, solved_at
        from old_rows;
    else
        insert into report_deltas (tenant_id, sign, created_at, status, category, priority, channel, assignee_id,
            first_responded_at, solved_at)
        select d.* from old_rows o join new_rows n on n.id = o.id
        cross join lateral (values
            (o.tenant_id, -1, o.created_at, o.status, o.category, o.priority, o.channel, o.assignee_id,
                o.first_responded_at, o.solved_at),
            (n.tenant_id, 1, n.created_at, n.status, n.category, n.priority, n.channel, n.assignee_id,
                n.first_responded_at, n.solved_at)) as d
        where (o.created_at, o.status, o.category, o.priority, o.channel, o.assignee_id, o.first_responded_at,
               o.solved_at)
            is distinct from (n.created_at, n.status, n.category, n.priority, n.channel, n.assignee_id,
               n.first_responded_at, n.solved_at);
    end if;
    return null;
end
$$;

create function report_rating_deltas() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into report_deltas (tenant_id, sign, rated_at, score, agent_id)
        select tenant_id, 1, rated_at, score, agent_id from new_rows;
    elsif tg_op = 'DELETE' then
        insert into report_deltas (tenant_id, sign, rated_at, score, agent_id)
        select tenant_id, -1, rated_at, score, agent_id from old_rows;
    else
        insert into report_deltas (tenant_id, sign, rated_at, score, agent_id)
        select d.* from old_rows o join new_rows n on n.ticket_id = o.ticket_id
        cross join lateral (values (o.tenant_id, -1, o.rated_at, o.score, o.agent_id),
                                   (n.tenant_id, 1, n.rated_at, n.score, n.agent_id)) as d
        where (o.rated_at, o.score, o.agent_id) is distinct from (n.rated_at, n.score, n.agent_id);
    end if;
    return null;
end
$$;

-- Statement triggers: a bulk insert (import, seeding) appends its deltas in one statement.
create trigger tickets_report_inserted after insert on tickets referencing new table as new_rows
    for each statement execute function report_ticket_deltas();
create trigger tickets_report_updated after update on tickets referencing old table as old_rows new table as new_rows
    for each statement execute function report_ticket_deltas();
create trigger tickets_report_deleted after delete on tickets referencing old table as old_rows
    for each statement execute function report_ticket_deltas();
create trigger ticket_ratings_report_inserted after insert on ticket_ratings referencing new table as new_rows
    for each statement execute function report_rating_deltas();
create trigger ticket_ratings_report_updated after update on ticket_ratings
    referencing old table as old_rows new table as new_rows
    for each statement execute function report_rating_deltas();
create trigger ticket_ratings_report_deleted after delete on ticket_ratings referencing old table as old_rows
    for each statement execute function report_rating_deltas();

-- Backfill from the existing rows. Creating the triggers above locked tickets and
-- ticket_ratings against writes until this migration commits, so no change falls between
-- the backfill and the deltas.
insert into report_rollup (tenant_id, measure, slot, key, n)
select tenant_id, measure, slot, key, sum(n) from (
    select t.tenant_id, m.measure, m.slot, m.key, m.n from tickets t
    cross join lateral report_ticket_measures(t.created_at, t.status, t.category, t.priority, t.channel, t.assignee_id,
        t.first_responded_at, t.solved_at, 1) m
    union all
    select r.tenant_id, m.measure, m.slot, m.key, m.n from ticket_ratings r
    cross join lateral report_rating_measures(r.rated_at, r.score, r.agent_id, 1) m) as facts
group by tenant_id, measure, slot, key;

-- Row-level security as in V5. Requests append deltas (through the triggers) and read both
-- tables; only the compactor (the owner) folds and deletes.
grant select, insert on report_deltas to deskflow_ticket_tenant;
grant usage on sequence report_deltas_id_seq to deskflow_ticket_tenant;
grant select on report_rollup to deskflow_ticket_tenant;
alter table report_deltas enable row level security;
alter table report_rollup enable row level security;
create policy report_deltas_tenant on report_deltas to deskflow_ticket_tenant
    using (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid);
create policy report_rollup_tenant on report_rollup to deskflow_ticket_tenant
    using (tenant_id = nullif(current_setting('deskflow.tenant_id', true), '')::uuid);
