-- 0101: the management dashboard answered within 300 ms at 1,000,000 orders. Reading the workbooks'
-- rows for every request took seconds, so the dashboard keeps per-day figures (China dates), computed by
-- the reports' own queries one day at a time: per stage and team the stages started that day (done, done
-- within their deadline, the deadlines of those still open), per province the bureau submissions made that
-- day (submitted, approved, rejected), and the orders that came in that day by the day they went out.
-- A day's figures are recomputed when anything they were read from changes: statement-level triggers
-- mark the days a change touches in dashboard_stale_days, and the dashboard recomputes marked days (and
-- days computed on another working-day calendar) before it reads. The indexes let a day be read alone.
create table dashboard_days (
    day          date primary key,
    calendar     text not null,
    refreshed_at timestamptz not null
);

create table dashboard_stage_days (
    day       date not null references dashboard_days (day) on delete cascade,
    stage     text not null,
    team      text not null default '',
    done      int not null,
    within    int not null,
    open_dues timestamptz[] not null,
    primary key (day, stage, team)
);

create table dashboard_province_days (
    day       date not null references dashboard_days (day) on delete cascade,
    province  text not null,
    submitted int not null,
    approved  int not null,
    rejected  int not null,
    primary key (day, province)
);

create table dashboard_flow_days (
    day      date not null references dashboard_days (day) on delete cascade,
    left_day date,
    orders   int not null
);
create index dashboard_flow_days_day on dashboard_flow_days (day);

-- Append-only: a refresh deletes exactly the marks it read, so a change committed meanwhile keeps its mark.
-- No index: the refresher empties it every few seconds, and a mark written by a step costs one heap row only.
create table dashboard_stale_days (
    id  bigint generated always as identity,
    day date not null
);

create index review_tasks_created_at on review_tasks (created_at);
create index bureau_submissions_submitted_at on bureau_submissions (submitted_at);
create index filing_timeline_dashboard_at on filing_timeline (at) where status in ('submitted', 'sms-verification', 'bureau-review');

create function dashboard_china_day(at timestamptz) returns date
    language sql immutable as $$ select (at at time zone 'Asia/Shanghai')::date $$;

-- A review task counts on the day it was created: added or removed in bulk (a statement's rows at once),
-- changed one row at a time and only when what the figures read changes (a claim does not mark).
create function dashboard_mark_new_tasks() returns trigger language plpgsql as $$
begin
    insert into dashboard_stale_days (day) select distinct dashboard_china_day(created_at) from changed;
    return null;
end $$;

create function dashboard_mark_task() returns trigger language plpgsql as $$
begin
    insert into dashboard_stale_days (day) select distinct d from unnest(array[dashboard_china_day(old.created_at), dashboard_china_day(new.created_at)]) d;
    return null;
end $$;

-- A submission or a bureau event changes the results of every submission of its order.
create function dashboard_mark_orders_submissions() returns trigger language plpgsql as $$
begin
    insert into dashboard_stale_days (day)
    select distinct dashboard_china_day(s.submitted_at) from bureau_submissions s where s.order_id in (select order_id from changed);
    return null;
end $$;

create function dashboard_mark_removed_submissions() returns trigger language plpgsql as $$
begin
    insert into dashboard_stale_days (day)
    select dashboard_china_day(s.submitted_at) from bureau_submissions s where s.order_id in (select order_id from changed)
    union select dashboard_china_day(submitted_at) from changed;
    return null;
end $$;

create function dashboard_mark_province() returns trigger language plpgsql as $$
begin
    insert into dashboard_stale_days (day)
    select distinct dashboard_china_day(s.submitted_at) from bureau_submissions s where s.order_id = new.id;
    return null;
end $$;

-- A timeline status closes the order's previous one and may move when it came in or went out: every day
-- the order came in or started an SMS verification or bureau review is marked.
create function dashboard_mark_timeline() returns trigger language plpgsql as $$
begin
    insert into dashboard_stale_days (day)
    select dashboard_china_day(l.at) from filing_timeline l
    where l.order_id in (select order_id from changed) and l.status in ('submitted', 'sms-verification', 'bureau-review')
    union select dashboard_china_day(at) from changed where status in ('submitted', 'sms-verification', 'bureau-review');
    return null;
end $$;

create trigger dashboard_tasks_inserted after insert on review_tasks
    referencing new table as changed for each statement execute function dashboard_mark_new_tasks();
create trigger dashboard_tasks_deleted after delete on review_tasks
    referencing old table as changed for each statement execute function dashboard_mark_new_tasks();
create trigger dashboard_task_updated after update on review_tasks for each row
    when (old.status is distinct from new.status or old.team is distinct from new.team or old.created_at is distinct from new.created_at
          or old.due_at is distinct from new.due_at or old.completed_at is distinct from new.completed_at or old.order_id is distinct from new.order_id)
    execute function dashboard_mark_task();

create trigger dashboard_submissions_inserted after insert on bureau_submissions
    referencing new table as changed for each statement execute function dashboard_mark_orders_submissions();
create trigger dashboard_submissions_updated_old after update on bureau_submissions
    referencing old table as changed for each statement execute function dashboard_mark_removed_submissions();
create trigger dashboard_submissions_updated_new after update on bureau_submissions
    referencing new table as changed for each statement execute function dashboard_mark_orders_submissions();
create trigger dashboard_submissions_deleted after delete on bureau_submissions
    referencing old table as changed for each statement execute function dashboard_mark_removed_submissions();

create trigger dashboard_events_inserted after insert on bureau_events
    referencing new table as changed for each statement execute function dashboard_mark_orders_submissions();
create trigger dashboard_events_updated after update on bureau_events
    referencing new table as changed for each statement execute function dashboard_mark_orders_submissions();
create trigger dashboard_events_deleted after delete on bureau_events
    referencing old table as changed for each statement execute function dashboard_mark_orders_submissions();

create trigger dashboard_province_updated after update on filing_orders for each row
    when (old.province is distinct from new.province) execute function dashboard_mark_province();

create trigger dashboard_timeline_inserted after insert on filing_timeline
    referencing new table as changed for each statement execute function dashboard_mark_timeline();
create trigger dashboard_timeline_updated_old after update on filing_timeline
    referencing old table as changed for each statement execute function dashboard_mark_timeline();
create trigger dashboard_timeline_updated_new after update on filing_timeline
    referencing new table as changed for each statement execute function dashboard_mark_timeline();
create trigger dashboard_timeline_deleted after delete on filing_timeline
    referencing old table as changed for each statement execute function dashboard_mark_timeline();
