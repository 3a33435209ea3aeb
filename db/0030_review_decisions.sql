-- The review workbench records more of a decision than the task row holds: the checklist items the reviewer
-- ticked, and for a return the fields and materials it concerns with a reason each (the applicant reads them as
-- returns[].items) and the order's data as it was returned, so the resubmission shows what changed since.
create table review_decisions (
    task_id      uuid primary key references review_tasks (id),
    checklist    text[] not null default '{}',
    return_items jsonb not null default '[]',
    order_body   jsonb
);
