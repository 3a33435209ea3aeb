-- 0045: webhooks the console registers (API.md, console integration). Each event of order_events (0044) a
-- webhook subscribes to becomes one delivery row, found by one dispatcher at a time from the cursor in
-- webhook_dispatch, and is POSTed per the Standard Webhooks specification until a 2xx answer or 24 hours
-- have passed. A rotated secret keeps signing beside the new one for 24 hours so receivers can switch.
create table webhooks (
    id                    uuid primary key,
    owner                 text not null,
    url                   text not null,
    types                 text[] not null,
    secret                text not null,
    previous_secret       text,
    previous_secret_until timestamptz,
    created_at            timestamptz not null,
    deleted_at            timestamptz
);

create index webhooks_owner on webhooks (owner) where deleted_at is null;

create table webhook_deliveries (
    webhook_id      uuid not null references webhooks (id),
    event_id        uuid not null,
    event_type      text not null,
    payload         text not null,
    created_at      timestamptz not null,
    attempts        int not null default 0,
    next_attempt_at timestamptz,
    delivered_at    timestamptz,
    failed_at       timestamptz,
    last_status     int,
    last_error      text,
    last_attempt_at timestamptz,
    primary key (webhook_id, event_id)
);

create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where delivered_at is null and failed_at is null;
create index webhook_deliveries_recent on webhook_deliveries (webhook_id, created_at desc);

-- Where the fan-out stands in order_events: (tx, seq) of the last event turned into deliveries.
create table webhook_dispatch (
    id  int primary key check (id = 1),
    tx  xid8 not null,
    seq bigint not null
);

insert into webhook_dispatch (id, tx, seq) values (1, '0', 0);
