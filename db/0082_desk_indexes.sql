-- 0082: indexes for the desk under a working day's load (a million orders, 100,000 open tasks).
-- The order lists (GET /api/filings, /orders) page newest first by (created_at, id): with created_at
-- alone, the orders of one moment were sorted in memory for every page, and a keyed page could not
-- start inside them. The lead board's team figures counted every open task of a team from the heap;
-- the unclaimed and escalated ones now have partial indexes of their own, and the open and breached
-- ones are counted from review_tasks_open_team (team, due_at) alone.
-- Built inside the migration's transaction: on a large database, writes to these tables wait for
-- the build (a minute at a million orders); docs/OPERATIONS.md says to migrate before the nodes.
create index filing_orders_newest on filing_orders (created_at desc, id desc);
drop index filing_orders_created;
create index review_tasks_open_unclaimed on review_tasks (team) where status = 'open' and assignee is null;
create index review_tasks_open_escalated on review_tasks (team) where status = 'open' and escalated_at is not null;
