-- 0111: the dashboard's figures kept per order, so that a change costs the recomputation of its order only.
-- With db/0101 a reading after any change recomputed whole China days (about 17,500 stages and 3,000
-- submissions a day at 1,000,000 orders a year: one to three seconds), and the statement-level triggers with
-- transition tables, their queries over the order's rows and three indexes on the days slowed the workflow
-- engine. Now minimal row-level triggers append the changed order's id to dashboard_stale_orders; a reading
-- recomputes the marked orders' figures with the workbooks' queries restricted to those orders, then the
-- per-day figures of the days those orders touch (before and after) from the per-order rows.
-- Existing figures are dropped: dashboard_calendar starts empty, so the first refresh after this migration
-- computes every order (minutes at 1,000,000 orders), as a working-day calendar edit does.
drop trigger dashboard_tasks_inserted on review_tasks;
drop trigger dashboard_tasks_deleted on review_tasks;
drop trigger dashboard_task_updated on review_tasks;
drop trigger dashboard_submissions_inserted on bureau_submissions;
drop trigger dashboard_submissions_updated_old on bureau_submissions;
drop trigger dashboard_submissions_updated_new on bureau_submissions;
drop trigger dashboard_submissions_deleted on bureau_submissions;
drop trigger dashboard_events_inserted on bureau_events;
drop trigger dashboard_events_updated on bureau_events;
drop trigger dashboard_events_deleted on bureau_events;
drop trigger dashboard_province_updated on filing_orders;
drop trigger dashboard_timeline_inserted on filing_timeline;
drop trigger dashboard_timeline_updated_old on filing_timeline;
drop trigger dashboard_timeline_updated_new on filing_timeline;
drop trigger dashboard_timeline_deleted on filing_timeline;
drop function dashboard_mark_new_tasks();
drop function dashboard_mark_task();
drop function dashboard_mark_orders_submissions();
drop function dashboard_mark_removed_submissions();
drop function dashboard_mark_province();
drop function dashboard_mark_timeline();
drop index review_tasks_created_at;
drop index bureau_submissions_submitted_at;
drop index filing_timeline_dashboard_at;
drop table dashboard_stale_days;
drop table dashboard_days cascade;
truncate dashboard_stage_days, dashboard_province_days, dashboard_flow_days;

-- Per order, the rows the per-day figures are summed from (China days; team '' for the stages without one).
create table dashboard_order_stages (
    order_id  uuid not null,
    day       date not null,
    stage     text not null,
    team      text not null,
    done      int not null,
    within    int not null,
    open_dues timestamptz[] not null
);
create index dashboard_order_stages_order on dashboard_order_stages (order_id);
create index dashboard_order_stages_day on dashboard_order_stages (day);

create table dashboard_order_provinces (
    order_id  uuid not null,
    day       date not null,
    province  text not null,
    submitted int not null,
    approved  int not null,
    rejected  int not null
);
create index dashboard_order_provinces_order on dashboard_order_provinces (order_id);
create index dashboard_order_provinces_day on dashboard_order_provinces (day);

-- An order that came in (first 已提交): that day, and the day it went out (first final status, or none).
create table dashboard_order_flow (
    order_id uuid primary key,
    came     date not null,
    left_day date
);
create index dashboard_order_flow_came on dashboard_order_flow (came);

-- The working-day calendar (WorkingCalendar.Fingerprint) the per-order figures were computed on; none: never.
create table dashboard_calendar (
    calendar text not null
);

-- Append-only and without an index, so that a mark costs one heap row: a refresh deletes exactly the marks it read.
create table dashboard_stale_orders (
    id       bigint generated always as identity,
    order_id uuid not null
);

-- Days whose per-day figures wait to be summed again from the per-order rows (a refresh of many orders sums once).
create table dashboard_pending_days (
    day date not null
);

-- One mark an order a transaction for consecutive rows of the same order (a step writes several rows of its
-- order): the last order marked is remembered in a transaction-local setting, undone with a rolled-back savepoint.
create function dashboard_mark(changed uuid) returns void language plpgsql as $$
begin
    if changed is distinct from nullif(current_setting('dashboard.marked', true), '')::uuid then
        insert into dashboard_stale_orders (order_id) values (changed);
        perform set_config('dashboard.marked', changed::text, true);
    end if;
end $$;

create function dashboard_mark_order() returns trigger language plpgsql as $$
begin
    if tg_op <> 'INSERT' then
        perform dashboard_mark(old.order_id);
    end if;
    if tg_op = 'INSERT' or (tg_op = 'UPDATE' and new.order_id is distinct from old.order_id) then
        perform dashboard_mark(new.order_id);
    end if;
    return null;
end $$;

create function dashboard_mark_province() returns trigger language plpgsql as $$
begin
    perform dashboard_mark(new.id);
    return null;
end $$;

-- A review task changes the figures when added, removed, or its state, team, deadline or completion changes (a claim does not).
create trigger dashboard_task_changed after insert or delete on review_tasks
    for each row execute function dashboard_mark_order();
create trigger dashboard_task_updated after update on review_tasks for each row
    when (old.status is distinct from new.status or old.team is distinct from new.team or old.created_at is distinct from new.created_at
          or old.due_at is distinct from new.due_at or old.completed_at is distinct from new.completed_at or old.order_id is distinct from new.order_id)
    execute function dashboard_mark_order();
create trigger dashboard_submission_changed after insert or update or delete on bureau_submissions
    for each row execute function dashboard_mark_order();
create trigger dashboard_event_changed after insert or update or delete on bureau_events
    for each row execute function dashboard_mark_order();
create trigger dashboard_timeline_changed after insert or update or delete on filing_timeline
    for each row execute function dashboard_mark_order();
create trigger dashboard_province_updated after update on filing_orders for each row
    when (old.province is distinct from new.province) execute function dashboard_mark_province();
