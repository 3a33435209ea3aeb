-- 0016: the inbox's tab counts follow its filters, reviewers see the orders of their teams, and a
-- staff page's API token ends with its session.
--
-- Filing type and province of a task's order are kept on the task (filled on insert, followed when an
-- order's province changes), so a filtered count reads review_tasks alone; open tasks are indexed by
-- province and filing type, the two order filters, and done tasks by who completed them, each with
-- what the tab conditions and filters read (index-only counts).
alter table review_tasks add column filing_type text, add column province text;

update review_tasks t set filing_type = o.filing_type, province = o.province from filing_orders o where o.id = t.order_id;

alter table review_tasks alter column filing_type set not null, alter column province set not null;

create function review_tasks_order_fields() returns trigger language plpgsql as $$
begin
    select o.filing_type, o.province into new.filing_type, new.province from filing_orders o where o.id = new.order_id;
    return new;
end $$;

create trigger review_tasks_order_fields before insert on review_tasks
    for each row execute function review_tasks_order_fields();

create function filing_orders_task_fields() returns trigger language plpgsql as $$
begin
    update review_tasks set filing_type = new.filing_type, province = new.province where order_id = new.id;
    return null;
end $$;

create trigger filing_orders_task_fields after update of filing_type, province on filing_orders
    for each row when (old.filing_type is distinct from new.filing_type or old.province is distinct from new.province)
    execute function filing_orders_task_fields();

create index review_tasks_open_order_fields on review_tasks (province, filing_type) include (team, assignee, due_at, step) where status = 'open';

-- The done tab in the same way: a reviewer's done tasks, newest first, with the filtered fields in the index.
create index review_tasks_done_by_fields on review_tasks (completed_by, completed_at desc) include (province, filing_type, step, due_at) where status = 'done';
drop index review_tasks_done_by;

-- Orders a reviewer sees are those his teams have or had a task on (order search and the order page).
create index review_tasks_team_order on review_tasks (team, order_id);

-- An API token handed to a staff page (the workflow designer) belongs to the cookie session that
-- opened the page, so signing out of the staff pages revokes it with the session.
alter table api_tokens add column staff_session uuid;
create index api_tokens_staff_session on api_tokens (staff_session) where staff_session is not null and revoked_at is null;
