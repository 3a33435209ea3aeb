-- 0059: the bureau reviews within 20 working days (Kingsoft 管局审核). An order still waiting for the
-- bureau's result after that gets a follow-up task for the bureau liaison team, kept beside the workflow
-- rather than in it (the definition's bureau-review wait is left as it is): one per bureau-review wait,
-- opened by the SLA sweep, closed in the step that applies the bureau's result, or by the sweep when the
-- wait ended otherwise (the order withdrawn).
create table bureau_follow_ups (
    id           uuid primary key,
    order_id     uuid not null references filing_orders (id),
    bookmark_id  uuid not null unique,
    team         text not null,
    waiting_since timestamptz not null,
    due_at       timestamptz not null,
    status       text not null check (status in ('open', 'closed')),
    created_at   timestamptz not null,
    closed_at    timestamptz,
    closed_by    text,
    resolution   text
);

create index bureau_follow_ups_open on bureau_follow_ups (order_id) where status = 'open';
