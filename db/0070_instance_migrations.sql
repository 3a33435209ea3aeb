-- 0070: compliance managers move running instances from one version of a definition to another with a
-- mapping of steps. A migration keeps the instances chosen when it was asked for; it runs in batches and
-- each batch commits a result per instance with its moves, so a rerun carries on and never moves one twice.
create table workflow_migrations (
    id            uuid primary key,
    definition_id text not null references workflow_definitions (id),
    from_version  int not null,
    to_version    int not null,
    mapping       jsonb not null,
    instance_ids  uuid[] not null,
    status        text not null check (status in ('running', 'finished')),
    requested_by  text not null,
    requested_at  timestamptz not null,
    finished_at   timestamptz
);

create index workflow_migrations_definition on workflow_migrations (definition_id, requested_at desc);

create table workflow_migration_results (
    migration_id uuid not null references workflow_migrations (id),
    instance_id  uuid not null,
    outcome      text not null check (outcome in ('migrated', 'blocked')),
    reason       text,
    activity_id  text,
    at           timestamptz not null,
    primary key (migration_id, instance_id)
);
