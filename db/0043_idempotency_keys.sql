-- 0043: Idempotency-Key on the console's POST and PUT (API.md, console integration). The first answer to a key
-- is kept 24 hours so that a retry with the same key and body gets it again and nothing runs twice; a row without
-- completed_at is a request still running. In the database, so every node of the cluster sees the same keys.
create table idempotency_keys (
    owner        text not null,
    key          text not null,
    request_hash bytea not null,
    started_at   timestamptz not null default now(),
    completed_at timestamptz,
    status       int,
    content_type text,
    location     text,
    body         bytea,
    primary key (owner, key)
);

create index idempotency_keys_started on idempotency_keys (started_at);
