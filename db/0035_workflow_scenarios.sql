-- 0035: dry-run scenarios that guard publishing. A compliance manager saves, per definition, named
-- scenarios (a described order, the simulated outcomes of its waiting steps, and what is expected:
-- steps the path passes, the result it ends with, within how many working days); every scenario runs
-- on a candidate version when its publication is asked, and a failing one refuses it.

create table workflow_scenarios (
    definition_id text not null references workflow_definitions (id),
    name          text not null,
    body          jsonb not null,
    saved_by      text not null,
    saved_at      timestamptz not null,
    primary key (definition_id, name)
);
