-- 0009: management's reports. A build is one workbook requested by a manager or a subscription:
-- its progress while a Hangfire job builds it, then the file itself kept in the archive for
-- download. A subscription builds a report on a cron of working days (Quartz, with the working-day
-- calendar) over the period before each run and mails the managers through the outbox.
-- The public-security report looks reminders up per order: outbox_messages gets that index.

create table report_subscriptions (
    id          uuid primary key,
    kind        text not null,
    cron        text not null,
    period_days int not null check (period_days between 1 and 366),
    filing_type text,
    province    text,
    team        text,
    english     boolean not null default false,
    recipients  text[] not null,
    active      boolean not null default true,
    created_by  text not null,
    created_at  timestamptz not null,
    updated_by  text not null,
    updated_at  timestamptz not null
);

create table report_builds (
    id              uuid primary key,
    kind            text not null,
    parameters      jsonb not null,
    status          text not null check (status in ('queued', 'running', 'done', 'failed')),
    progress        int not null default 0,
    rows_read       bigint not null default 0,
    requested_by    text not null,
    requested_at    timestamptz not null,
    subscription_id uuid references report_subscriptions (id),
    started_at      timestamptz,
    finished_at     timestamptz,
    file_name       text,
    size_bytes      bigint,
    content         bytea,
    error           text
);

create index report_builds_requested on report_builds (requested_at desc);

create index outbox_messages_order on outbox_messages (order_id, template);
