-- 0062: saved inbox views. A reviewer keeps a tab, its filters, its sort and the columns he wants
-- under a name, for himself (team is null) or, when he leads the team, for every member of it.
-- Shared views are read by team; a person's own by his login (the inbox knows people by login, as
-- review_tasks.assignee does).
create table inbox_views (
    id         uuid primary key,
    name       text not null check (length(name) between 1 and 60),
    owner      text not null references users (username),
    team       text references teams (id),
    tab        text not null,
    filters    jsonb not null,
    sort       text not null,
    columns    text[] not null,
    created_at timestamptz not null
);

create index inbox_views_owner on inbox_views (owner, name);
create index inbox_views_team on inbox_views (team, name) where team is not null;
