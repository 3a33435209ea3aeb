-- 0008: the staff app. Indexes that keep the reviewer inbox, the lead board and order search
-- index-backed at a million orders and a hundred thousand open tasks, and the read state of the
-- in-app notices (outbox messages on the 'staff' channel).

-- Team queue, overdue and "next task": open tasks in due order, team and holder in the index.
create index review_tasks_open_due on review_tasks (due_at, id) include (team, assignee) where status = 'open';

-- The "done" tab: what a reviewer completed, newest first.
create index review_tasks_done_by on review_tasks (completed_by, completed_at desc) where status = 'done';

-- Other orders of the same subject, and search by certificate number.
create index filing_orders_subject on filing_orders (subject_certificate_number, subject_certificate_type);

-- Search by the beginning of the subject's name (LIKE 'prefix%').
create index filing_orders_subject_name on filing_orders (subject_name text_pattern_ops);

alter table outbox_messages add column read_at timestamptz;
create index outbox_messages_staff_unread on outbox_messages (recipient, created_at desc) where channel = 'staff' and read_at is null;
