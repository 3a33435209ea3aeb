-- 0083: a reviewer's order list checks, order by order, that one of the reviewer's teams has a task on it
-- (OrderVisibility). With review_tasks_order (order_id) alone each check read the task rows for their team;
-- with the team in the index the check, and the capped count of GET /api/filings that makes a thousand of
-- them, reads the index only. It replaces review_tasks_order, so a task write updates no more indexes.
create index review_tasks_order_team on review_tasks (order_id, team);
drop index review_tasks_order;
