-- 0001: staff accounts, reviewer teams and API tokens.
-- Tokens are stored as SHA-256 hashes so that a leaked table does not leak usable tokens;
-- a row per token lets sign-out revoke it on every node of a stateless web tier.

create table users (
    id              bigserial primary key,
    username        text not null unique,
    display_name    text not null,
    password_hash   text not null,
    roles           text[] not null,
    failed_attempts int not null default 0,
    locked_until    timestamptz,
    active          boolean not null default true,
    created_at      timestamptz not null default now()
);

create table teams (
    id   text primary key,
    name text not null
);

create table team_members (
    team_id text not null references teams (id),
    user_id bigint not null references users (id),
    is_lead boolean not null default false,
    primary key (team_id, user_id)
);

create table api_tokens (
    token_hash bytea primary key,
    user_id    bigint not null references users (id),
    created_at timestamptz not null,
    expires_at timestamptz not null,
    revoked_at timestamptz
);

create index api_tokens_user on api_tokens (user_id);
