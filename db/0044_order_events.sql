-- 0044: the console's event stream (API.md, console integration: GET /api/events, webhooks). Every public status
-- change, return, bureau result, filing numbers, public-security reminder and follow-up is a row written in the
-- transaction of the change. A sequence number is not commit order when transactions overlap (a later number can
-- commit first, and a reader would skip the earlier one for good), so each row also keeps the id of the
-- transaction that wrote it (xid8): readers take only rows of transactions older than every transaction still
-- running (pg_snapshot_xmin), in (tx, seq) order, a prefix that can no longer grow in the middle.
create table order_events (
    seq         bigserial not null,
    tx          xid8 not null default pg_current_xact_id(),
    id          uuid primary key,
    type        text not null,
    order_id    uuid not null,
    occurred_at timestamptz not null,
    data        jsonb not null
);

create index order_events_position on order_events (tx, seq);
