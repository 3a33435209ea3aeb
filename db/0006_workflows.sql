-- 0006: the workflow engine. Definitions are versioned documents (draft → published → retired);
-- an instance is pinned to the version it started on. Bookmarks are the points where an instance
-- waits (human task, applicant, event, timer); review tasks are the human-task bookmarks' work
-- items; the journal records every activity executed, with its outcome and actor.

create table workflow_definitions (
    id          text primary key,
    name        text not null,
    filing_type text unique,
    created_at  timestamptz not null
);

create table workflow_definition_versions (
    definition_id text not null references workflow_definitions (id),
    version       int not null,
    status        text not null check (status in ('draft', 'published', 'retired')),
    document      jsonb not null,
    note          text,
    saved_by      text not null,
    saved_at      timestamptz not null,
    published_by  text,
    published_at  timestamptz,
    primary key (definition_id, version)
);

create unique index workflow_definition_one_draft on workflow_definition_versions (definition_id) where status = 'draft';
create unique index workflow_definition_one_published on workflow_definition_versions (definition_id) where status = 'published';

create table workflow_instances (
    id                 uuid primary key,
    definition_id      text not null,
    version            int not null,
    order_id           uuid not null references filing_orders (id),
    parent_instance_id uuid references workflow_instances (id),
    status             text not null check (status in ('running', 'finished', 'cancelled')),
    result             text,
    variables          jsonb not null default '{}',
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    row_version        int not null default 1,
    foreign key (definition_id, version) references workflow_definition_versions (definition_id, version)
);

create index workflow_instances_order on workflow_instances (order_id);
create index workflow_instances_running on workflow_instances (definition_id, version) where status = 'running';

create table workflow_bookmarks (
    id          uuid primary key,
    instance_id uuid not null references workflow_instances (id),
    activity_id text not null,
    kind        text not null check (kind in ('task', 'applicant', 'event', 'timer')),
    event_name  text,
    due_at      timestamptz,
    timeout_outcome text,
    payload     jsonb not null default '{}',
    created_at  timestamptz not null
);

create index workflow_bookmarks_instance on workflow_bookmarks (instance_id);
create index workflow_bookmarks_due on workflow_bookmarks (due_at) where timeout_outcome is not null;

create table review_tasks (
    id           uuid primary key,
    instance_id  uuid not null references workflow_instances (id),
    bookmark_id  uuid not null,
    order_id     uuid not null references filing_orders (id),
    activity_id  text not null,
    step         text not null,
    team         text not null,
    outcomes     text[] not null,
    assignee     text,
    status       text not null check (status in ('open', 'done', 'cancelled')),
    created_at   timestamptz not null,
    due_at       timestamptz not null,
    escalate_at  timestamptz,
    escalated_at timestamptz,
    outcome      text,
    reason_codes text[] not null default '{}',
    comment      text,
    completed_by text,
    completed_at timestamptz,
    row_version  int not null default 1
);

create index review_tasks_open_team on review_tasks (team, due_at) where status = 'open';
create index review_tasks_open_assignee on review_tasks (assignee, due_at) where status = 'open';
create index review_tasks_order on review_tasks (order_id);

create table workflow_journal (
    id            bigserial primary key,
    instance_id   uuid not null references workflow_instances (id),
    order_id      uuid not null,
    at            timestamptz not null,
    activity_id   text not null,
    activity_type text not null,
    activity_name text,
    outcome       text,
    actor         text not null,
    note          text
);

create index workflow_journal_instance on workflow_journal (instance_id, id);

create table outbox_messages (
    id         uuid primary key,
    order_id   uuid,
    channel    text not null,
    recipient  text not null,
    template   text not null,
    body       text not null,
    created_at timestamptz not null,
    sent_at    timestamptz
);

create table bureau_submissions (
    order_id     uuid not null references filing_orders (id),
    attempt      int not null,
    submitted_at timestamptz not null,
    sent_at      timestamptz,
    primary key (order_id, attempt)
);

create table bureau_events (
    id          uuid primary key,
    order_id    uuid not null references filing_orders (id),
    kind        text not null,
    payload     jsonb not null,
    received_at timestamptz not null,
    received_by text not null,
    applied     boolean not null,
    note        text
);

create index bureau_events_order on bureau_events (order_id, received_at);

alter table filing_orders add column website_filing_numbers text[] not null default '{}';
alter table filing_orders add column public_security_number text;

-- Serials of subject filing numbers assigned on approval (the bureau's format: 粤ICP备20000001号).
create sequence registry_subject_serial_seq start 20000001;

-- The reviewer teams the shipped definitions assign tasks to; members are managed by admins.
insert into teams (id, name) values
    ('initial-review', '初审组'),
    ('verification', '核验组'),
    ('second-review', '复审组');
