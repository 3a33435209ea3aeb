-- 0100: the two slowest reads of the desk under load (issue 22), answered from an index alone.
-- The lead board's load per reviewer counts each member's open tasks of the lead's teams: with
-- review_tasks_open_assignee on (assignee, due_at) only, the team of every counted task was read
-- from the heap (a block per task), so the planner read all open tasks instead. With the team
-- included the counts are index-only scans of the members' own entries.
-- The order search by the beginning of a subject's name sorts its matches newest first: with
-- filing_orders_subject_name on the name only, every match was fetched from the heap for its
-- created_at. With created_at and id included, the matches are sorted from the index and only the
-- page's orders are fetched.
-- Both indexes keep their names and the columns they were searched by, so every query that read them
-- reads them as before; no index is added. Rebuilt inside the migration's transaction: writes to
-- these tables wait for the build (about ten seconds at a million orders, docs/OPERATIONS.md).
drop index review_tasks_open_assignee;
create index review_tasks_open_assignee on review_tasks (assignee, due_at) include (team) where status = 'open';
drop index filing_orders_subject_name;
create index filing_orders_subject_name on filing_orders (subject_name text_pattern_ops) include (created_at, id);
